// Version stages as AWS moves them: AWSCURRENT/AWSPREVIOUS on new values, on
// UpdateSecretVersionStage, and rotation's AWSPENDING.
#include <catch2/catch.hpp>

#include "services/secretsmanager/rotation_schedule.hpp"
#include "services/secretsmanager/secret_record.hpp"

using namespace understudy;
using namespace understudy::secretsmanager;

namespace {

std::vector<std::string> stages_of(const SecretRecord& s, const std::string& id) { return s.find_version(id)->stages; }

}  // namespace

TEST_CASE("first version is AWSCURRENT, the next moves AWSPREVIOUS", "[secretsmanager][stages]") {
  SecretRecord s;
  add_version(s, "v1", "sealed1", false, {}, 100);
  CHECK(stages_of(s, "v1") == std::vector<std::string>{kCurrent});
  add_version(s, "v2", "sealed2", false, {kCurrent}, 200);
  CHECK(stages_of(s, "v2") == std::vector<std::string>{kCurrent});
  CHECK(stages_of(s, "v1") == std::vector<std::string>{kPrevious});
  add_version(s, "v3", "sealed3", false, {kCurrent}, 300);
  CHECK(stages_of(s, "v1").empty());  // deprecated
  CHECK(stages_of(s, "v2") == std::vector<std::string>{kPrevious});
  CHECK(s.version_with_stage(kCurrent)->id == "v3");
}

TEST_CASE("a custom stage moves without touching AWSCURRENT", "[secretsmanager][stages]") {
  SecretRecord s;
  add_version(s, "v1", "a", false, {}, 1);
  add_version(s, "v2", "b", false, {"BLUE"}, 2);
  CHECK(s.version_with_stage(kCurrent)->id == "v1");
  CHECK(s.version_with_stage(kPrevious) == nullptr);
  attach_stage(s, "BLUE", "v1");
  CHECK(stages_of(s, "v1") == std::vector<std::string>{kCurrent, "BLUE"});
  CHECK(stages_of(s, "v2").empty());
}

TEST_CASE("moving AWSCURRENT back to the previous version swaps the two", "[secretsmanager][stages]") {
  SecretRecord s;
  add_version(s, "v1", "a", false, {}, 1);
  add_version(s, "v2", "b", false, {kCurrent}, 2);
  attach_stage(s, kCurrent, "v1");
  CHECK(stages_of(s, "v1") == std::vector<std::string>{kCurrent});
  CHECK(stages_of(s, "v2") == std::vector<std::string>{kPrevious});
}

TEST_CASE("a pending rotation is AWSPENDING away from AWSCURRENT", "[secretsmanager][stages]") {
  SecretRecord s;
  add_version(s, "v1", "a", false, {}, 1);
  CHECK(s.pending_rotation() == nullptr);
  add_version(s, "v2", std::nullopt, false, {kPending}, 2);
  REQUIRE(s.pending_rotation() != nullptr);
  CHECK(s.pending_rotation()->id == "v2");
  attach_stage(s, kCurrent, "v2");
  CHECK(s.pending_rotation() == nullptr);  // AWSPENDING on the current version is a finished rotation
}

TEST_CASE("more than 20 labels on a version is refused", "[secretsmanager][stages]") {
  SecretRecord s;
  add_version(s, "v1", "a", false, {}, 1);
  for (int i = 0; i < 19; ++i) attach_stage(s, "L" + std::to_string(i), "v1");
  CHECK_THROWS_WITH(attach_stage(s, "ONE-TOO-MANY", "v1"), Catch::Contains("at most 20"));
}

TEST_CASE("old unlabelled versions are pruned past 100, recent ones kept", "[secretsmanager][stages]") {
  SecretRecord s;
  for (int i = 0; i < 105; ++i) add_version(s, "v" + std::to_string(i), "x", false, {kCurrent}, i);
  CHECK(s.versions.size() == 105);  // all younger than 24 hours
  add_version(s, "late", "x", false, {kCurrent}, 2 * 86400);
  CHECK(s.versions.size() == 100);
  CHECK(s.find_version("v0") == nullptr);
  CHECK(s.version_with_stage(kCurrent)->id == "late");
  CHECK(s.version_with_stage(kPrevious)->id == "v104");
}

TEST_CASE("the record survives its JSON document", "[secretsmanager][stages]") {
  SecretRecord s;
  s.account = "111122223333";
  s.region = "eu-west-1";
  s.name = "app/db";
  s.suffix = "AbC123";
  s.description = "d";
  s.tags = Json::array({{{"Key", "k"}, {"Value", "v"}}});
  s.rotation.emplace();
  s.rotation->enabled = true;
  s.rotation->rules = {{"AutomaticallyAfterDays", 7}};
  add_version(s, "v1", "sealed", true, {}, 5);
  auto back = SecretRecord::from_json(s.to_json(), s.account, s.region);
  CHECK(back.arn() == "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/db-AbC123");
  CHECK(back.description == s.description);
  CHECK(back.tags == s.tags);
  CHECK(back.rotation->rules == s.rotation->rules);
  CHECK(back.versions.size() == 1);
  CHECK(back.versions[0].binary);
  CHECK(back.versions[0].stages == std::vector<std::string>{kCurrent});
}

TEST_CASE("rotation windows follow the rules", "[secretsmanager][rotation]") {
  const double midnight = 1795392000;  // 2026-11-23T00:00:00Z, a Monday
  const double now = midnight + 10 * 3600;
  auto days = next_window(parse_rotation_rules({{"AutomaticallyAfterDays", 3}}), now, now);
  CHECK(days.start == midnight + 3 * 86400);
  CHECK(days.end == midnight + 4 * 86400 - 1);

  auto hours = next_window(parse_rotation_rules({{"ScheduleExpression", "rate(6 hours)"}}), now, now);
  CHECK(hours.start == now + 6 * 3600);
  CHECK(hours.end == now + 7 * 3600 - 1);

  auto windowed =
      next_window(parse_rotation_rules({{"ScheduleExpression", "rate(2 days)"}, {"Duration", "3h"}}), now, now);
  CHECK(windowed.start == midnight + 2 * 86400);
  CHECK(windowed.end == midnight + 2 * 86400 + 3 * 3600 - 1);

  // Every Wednesday at 04:30.
  auto cron = next_window(parse_rotation_rules({{"ScheduleExpression", "cron(30 4 ? * WED *)"}}), now, now);
  CHECK(cron.start == midnight + 2 * 86400 + 4 * 3600 + 30 * 60);
  CHECK(cron.end == midnight + 3 * 86400 - 1);

  auto first_of_month = parse_cron("0 0 1 * ? *").next_after(now);
  REQUIRE(first_of_month);
  CHECK(*first_of_month == midnight + 8 * 86400);  // 2026-12-01
}

TEST_CASE("rotation rules AWS refuses are refused", "[secretsmanager][rotation]") {
  CHECK_THROWS_WITH(parse_rotation_rules({{"AutomaticallyAfterDays", 3}, {"ScheduleExpression", "rate(3 days)"}}),
                    Catch::Contains("both rotation frequency and schedule expression"));
  CHECK_THROWS(parse_rotation_rules({{"AutomaticallyAfterDays", 0}}));
  CHECK_THROWS(parse_rotation_rules({{"ScheduleExpression", "rate(2 hours)"}}));
  CHECK_THROWS(parse_rotation_rules({{"ScheduleExpression", "every day"}}));
  CHECK_THROWS(parse_rotation_rules({{"ScheduleExpression", "cron(61 4 * * ? *)"}}));
  CHECK_THROWS(parse_rotation_rules({{"AutomaticallyAfterDays", 3}, {"Duration", "25h"}}));
}
