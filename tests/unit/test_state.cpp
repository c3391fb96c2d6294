#include <catch2/catch.hpp>
#include <filesystem>

#include "emulator/core/aws_error.hpp"
#include "emulator/core/base64.hpp"
#include "emulator/state/arn.hpp"
#include "emulator/state/ids.hpp"
#include "emulator/state/pagination.hpp"
#include "emulator/state/store.hpp"
#include "emulator/state/tags.hpp"
#include "emulator/state/vault.hpp"

using namespace understudy;
using state::ResourceKey;

namespace {
ResourceKey key(std::string id, std::string region = "us-east-1") {
  return {"000000000000", std::move(region), "secretsmanager", "secret", std::move(id)};
}

std::string temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("understudy-unit-" + state::random_hex(8));
  std::filesystem::create_directories(dir);
  return dir.string();
}
}  // namespace

TEST_CASE("store keeps documents by key, isolated by account and region") {
  state::Store store(":memory:");
  store.put(key("a"), {{"v", 1}});
  store.put(key("a", "eu-west-1"), {{"v", 2}});
  REQUIRE(store.get(key("a"))->at("v") == 1);
  REQUIRE(store.get(key("a", "eu-west-1"))->at("v") == 2);
  REQUIRE_FALSE(store.get(key("b")).has_value());
  store.put(key("a"), {{"v", 3}});
  REQUIRE(store.get(key("a"))->at("v") == 3);
  REQUIRE(store.list("000000000000", "us-east-1", "secretsmanager", "secret").size() == 1);
  REQUIRE(store.erase(key("a")));
  REQUIRE_FALSE(store.erase(key("a")));
}

TEST_CASE("store lists in creation order, replacing keeps the position") {
  state::Store store(":memory:");
  for (auto id : {"c", "a", "b"}) store.put(key(id), Json::object());
  store.put(key("c"), {{"changed", true}});
  auto all = store.list("000000000000", "us-east-1", "secretsmanager", "secret");
  REQUIRE(all.size() == 3);
  CHECK(all[0].key.id == "c");
  CHECK(all[1].key.id == "a");
  CHECK(all[2].key.id == "b");
}

TEST_CASE("a transaction that throws changes nothing") {
  state::Store store(":memory:");
  store.put(key("kept"), {{"v", 1}});
  REQUIRE_THROWS_AS(store.transaction([&] {
    store.put(key("kept"), {{"v", 2}});
    store.put(key("new"), Json::object());
    throw AwsError("ValidationException", "no");
  }),
                    AwsError);
  CHECK(store.get(key("kept"))->at("v") == 1);
  CHECK_FALSE(store.get(key("new")).has_value());
  // and the store is usable afterwards, nested transactions joining the outer one
  store.transaction([&] { store.transaction([&] { store.put(key("new"), Json::object()); }); });
  CHECK(store.get(key("new")).has_value());
}

TEST_CASE("due resources come back earliest first until cleared") {
  state::Store store(":memory:");
  store.put(key("late"), Json::object(), 200.0);
  store.put(key("early"), Json::object(), 100.0);
  store.put(key("never"), Json::object());
  CHECK(store.due(50).empty());
  auto due = store.due(250);
  REQUIRE(due.size() == 2);
  CHECK(due[0].id == "early");
  CHECK(due[1].id == "late");
  CHECK(*store.due_at(key("late")) == 200.0);
  store.put(key("early"), Json::object());
  CHECK(store.due(250).size() == 1);
  CHECK_FALSE(store.due_at(key("early")).has_value());
}

TEST_CASE("a store on disk keeps what was committed across reopen") {
  auto dir = temp_dir();
  {
    state::Store store(dir + "/state.db");
    store.put(key("kept"), {{"v", "x"}});
    store.set_setting("clock_offset", "42");
  }
  state::Store again(dir + "/state.db");
  CHECK(again.get(key("kept"))->at("v") == "x");
  CHECK(again.setting("clock_offset") == "42");
  again.clear();
  CHECK(again.summary().empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("vault seals and opens; the key persists in the state dir; tampering is refused") {
  auto dir = temp_dir();
  std::string sealed;
  {
    state::Vault vault(dir);
    sealed = vault.seal("hunter2");
    CHECK(sealed.find("hunter2") == std::string::npos);
    CHECK(vault.open(sealed) == "hunter2");
    CHECK(vault.open(vault.seal("")) == "");
  }
  state::Vault reopened(dir);
  CHECK(reopened.open(sealed) == "hunter2");
  auto raw = *base64_decode(sealed);
  raw[raw.size() / 2] ^= 1;
  CHECK_THROWS(reopened.open(base64_encode(raw)));
  CHECK_THROWS(state::Vault("").open(sealed));
  CHECK((std::filesystem::status(dir + "/master.key").permissions() & std::filesystem::perms::group_all) ==
        std::filesystem::perms::none);
  std::filesystem::remove_all(dir);
}

TEST_CASE("tags: AWS's limits") {
  Json ok = Json::array({{{"Key", "env"}, {"Value", "dev"}}});
  CHECK_NOTHROW(state::validate_tags(ok));
  CHECK_THROWS_AS(state::validate_tags(Json::array({{{"Key", "aws:x"}, {"Value", "1"}}})), AwsError);
  CHECK_THROWS_AS(state::validate_tags(Json::array({{{"Key", std::string(129, 'k')}, {"Value", "1"}}})), AwsError);
  CHECK_THROWS_AS(state::validate_tags(Json::array({{{"Key", "k"}, {"Value", std::string(257, 'v')}}})), AwsError);
  Json many = Json::array();
  for (int i = 0; i < 51; ++i) many.push_back({{"Key", "k" + std::to_string(i)}, {"Value", ""}});
  CHECK_THROWS_AS(state::validate_tags(many), AwsError);

  Json merged = state::merge_tags(ok, Json::array({{{"Key", "env"}, {"Value", "prod"}}, {{"Key", "team"}, {"Value", "a"}}}));
  REQUIRE(merged.size() == 2);
  CHECK(merged[0]["Value"] == "prod");
  CHECK(state::remove_tag_keys(merged, Json::array({"env"})).size() == 1);
  CHECK(state::tags_to_map(merged)["team"] == "a");
  CHECK(state::map_to_tags(state::tags_to_map(merged)).size() == 2);
}

TEST_CASE("page tokens round-trip and are refused by another query") {
  auto token = state::encode_page_token(40, "ListSecrets|filters=a");
  CHECK(state::decode_page_token(token, "ListSecrets|filters=a") == 40);
  CHECK_THROWS_AS(state::decode_page_token(token, "ListSecrets|filters=b"), AwsError);
  CHECK_THROWS_AS(state::decode_page_token("garbage!", "q"), AwsError);
}

TEST_CASE("ARNs parse with colons in the resource, and ids have AWS's shapes") {
  auto arn = state::Arn::parse("arn:aws:secretsmanager:us-east-1:123456789012:secret:db/pass-AbCdEf");
  REQUIRE(arn);
  CHECK(arn->service == "secretsmanager");
  CHECK(arn->account == "123456789012");
  CHECK(arn->resource == "secret:db/pass-AbCdEf");
  CHECK(arn->str() == "arn:aws:secretsmanager:us-east-1:123456789012:secret:db/pass-AbCdEf");
  CHECK_FALSE(state::Arn::parse("not-an-arn"));
  CHECK(state::uuid4().size() == 36);
  CHECK(state::uuid4()[14] == '4');
  CHECK(state::random_alnum(6).size() == 6);
  CHECK(state::random_hex(5).find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("base64 round-trips every length and rejects garbage") {
  for (const std::string& s : std::vector<std::string>{"", "a", "ab", "abc", "abcd", std::string("\0\xff\x10", 3)})
    CHECK(*base64_decode(base64_encode(s)) == s);
  CHECK(base64_encode("hello") == "aGVsbG8=");
  CHECK_FALSE(base64_decode("a$b=").has_value());
}
