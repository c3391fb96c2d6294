// SNS keeps every published message, with where it went, for the emulator's own API.
#include <catch2/catch.hpp>

#include "emulator/state/clock.hpp"
#include "emulator/state/store.hpp"
#include "services/sns/sns.hpp"

using namespace understudy;

TEST_CASE("published messages are recorded with their deliveries and filtered by topic", "[sns]") {
  state::Store store(":memory:");
  state::Clock clock;
  sns::Sns sns(store, clock);
  RequestContext ctx;
  ctx.now = clock.now();
  auto call = [&](std::string_view op, const Json& input) {
    return store.transaction([&] { return sns.call(op, input, ctx); });
  };
  const std::string alarms = call("CreateTopic", {{"Name", "alarms"}})["TopicArn"];
  const std::string other = call("CreateTopic", {{"Name", "other"}})["TopicArn"];
  const std::string queue_sub =
      call("Subscribe", {{"TopicArn", alarms},
                         {"Protocol", "sqs"},
                         {"Endpoint", "arn:aws:sqs:us-east-1:000000000000:q"}})["SubscriptionArn"];
  const std::string filtered_sub =
      call("Subscribe", {{"TopicArn", alarms},
                         {"Protocol", "sqs"},
                         {"Endpoint", "arn:aws:sqs:us-east-1:000000000000:f"},
                         {"Attributes", {{"FilterPolicy", R"({"x": ["y"]})"}}}})["SubscriptionArn"];
  call("Subscribe", {{"TopicArn", alarms}, {"Protocol", "email"}, {"Endpoint", "ops@example.com"}});

  const std::string id =
      call("Publish", {{"TopicArn", alarms}, {"Subject", "ALARM"}, {"Message", "cpu high"}})["MessageId"];
  call("Publish", {{"TopicArn", other}, {"Message", "unrelated"}});

  const Json mine = sns.recorded_messages(alarms)["messages"];
  // The email subscription's confirmation request, then the notification.
  REQUIRE(mine.size() == 2);
  CHECK(mine[0]["Type"] == "SubscriptionConfirmation");
  CHECK(mine[0]["Token"].get<std::string>().size() == 128);
  const Json& notification = mine[1];
  CHECK(notification["MessageId"] == id);
  CHECK(notification["Subject"] == "ALARM");
  CHECK(notification["Message"] == "cpu high");
  REQUIRE(notification["Deliveries"].size() == 2);  // the pending email subscription gets nothing
  for (const auto& d : notification["Deliveries"]) {
    if (d["SubscriptionArn"] == queue_sub) CHECK(d["Status"] == "recorded");
    if (d["SubscriptionArn"] == filtered_sub) CHECK(d["Status"] == "filtered");
  }
  CHECK(sns.recorded_messages("")["messages"].size() == 3);

  sns.reset();
  CHECK(sns.recorded_messages("")["messages"].empty());
}
