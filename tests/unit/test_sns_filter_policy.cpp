// SNS filter policies: matching on message attributes and on the message body, and the
// policies SNS refuses.
#include <catch2/catch.hpp>

#include "emulator/core/aws_error.hpp"
#include "services/sns/filter_policy.hpp"

using namespace understudy;
using namespace understudy::sns;

namespace {
Json attrs(std::initializer_list<std::pair<const char*, const char*>> strings, const char* number_name = nullptr,
           const char* number = nullptr) {
  Json out = Json::object();
  for (const auto& [k, v] : strings) out[k] = {{"DataType", "String"}, {"StringValue", v}};
  if (number_name) out[number_name] = {{"DataType", "Number"}, {"StringValue", number}};
  return out;
}
bool matches(const std::string& policy, const Json& attributes) {
  return filter_policy_matches(policy, FilterScope::message_attributes, attributes, "");
}
}  // namespace

TEST_CASE("attribute filter policies: exact, prefix, anything-but, numeric, exists", "[sns]") {
  CHECK(matches(R"({"color": ["red", "blue"]})", attrs({{"color", "blue"}})));
  CHECK_FALSE(matches(R"({"color": ["red"]})", attrs({{"color", "green"}})));
  CHECK_FALSE(matches(R"({"color": ["red"]})", attrs({})));
  CHECK(matches(R"({"svc": [{"prefix": "db-"}]})", attrs({{"svc", "db-main"}})));
  CHECK_FALSE(matches(R"({"svc": [{"prefix": "db-"}]})", attrs({{"svc", "web"}})));
  CHECK(matches(R"({"s": [{"anything-but": ["low"]}]})", attrs({{"s", "high"}})));
  CHECK_FALSE(matches(R"({"s": [{"anything-but": "low"}]})", attrs({{"s", "low"}})));
  CHECK_FALSE(matches(R"({"s": [{"anything-but": ["low"]}]})", attrs({})));
  CHECK(matches(R"({"s": [{"anything-but": {"prefix": "x"}}]})", attrs({{"s", "yes"}})));
  CHECK(matches(R"({"n": [{"numeric": [">", 0, "<=", 5]}]})", attrs({}, "n", "5")));
  CHECK_FALSE(matches(R"({"n": [{"numeric": [">", 0, "<=", 5]}]})", attrs({}, "n", "5.5")));
  CHECK(matches(R"({"n": [3]})", attrs({}, "n", "3.0")));
  CHECK(matches(R"({"r": [{"exists": true}]})", attrs({{"r", "x"}})));
  CHECK(matches(R"({"r": [{"exists": false}]})", attrs({{"other", "x"}})));
  CHECK_FALSE(matches(R"({"r": [{"exists": false}]})", attrs({{"r", "x"}})));
  // Keys are ANDed.
  CHECK_FALSE(matches(R"({"a": ["1"], "b": ["2"]})", attrs({{"a", "1"}, {"b", "3"}})));
  CHECK(matches(R"({"a": ["1"], "b": ["2"]})", attrs({{"a", "1"}, {"b", "2"}})));
  // A String.Array matches when any element does.
  Json list = {{"tags", {{"DataType", "String.Array"}, {"StringValue", R"(["x", "y"])"}}}};
  CHECK(matches(R"({"tags": ["y"]})", list));
  CHECK(matches(R"({"$or": [{"a": ["1"]}, {"b": ["2"]}]})", attrs({{"b", "2"}})));
}

TEST_CASE("body filter policies follow nested keys", "[sns]") {
  const std::string policy = R"({"alarm": {"state": ["ALARM"]}})";
  CHECK(filter_policy_matches(policy, FilterScope::message_body, Json::object(), R"({"alarm": {"state": "ALARM"}})"));
  CHECK_FALSE(
      filter_policy_matches(policy, FilterScope::message_body, Json::object(), R"({"alarm": {"state": "OK"}})"));
  CHECK_FALSE(filter_policy_matches(policy, FilterScope::message_body, Json::object(), "not json"));
}

TEST_CASE("filter policies SNS refuses", "[sns]") {
  auto refused = [](const std::string& policy, FilterScope scope = FilterScope::message_attributes) {
    try {
      validate_filter_policy(policy, scope);
      return std::string();
    } catch (const AwsError& e) {
      return e.code;
    }
  };
  CHECK(refused(R"({"a": ["x"]})").empty());
  CHECK(refused("not json") == "InvalidParameter");
  CHECK(refused("{}") == "InvalidParameter");
  CHECK(refused(R"({"a": []})") == "InvalidParameter");
  CHECK(refused(R"({"a": [{"fuzzy": 1}]})") == "InvalidParameter");
  CHECK(refused(R"({"a": [{"numeric": ["~", 1]}]})") == "InvalidParameter");
  CHECK(refused(R"({"a": {"b": ["c"]}})") == "InvalidParameter");
  CHECK(refused(R"({"a": {"b": ["c"]}})", FilterScope::message_body).empty());
  CHECK(refused(R"({"a":["1"],"b":["1"],"c":["1"],"d":["1"],"e":["1"],"f":["1"]})") == "InvalidParameter");
}
