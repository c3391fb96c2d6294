#pragma once
// Amazon SNS. Each operation is a member named after it; the handlers are grouped by
// concern in *_operations.cpp. Messages published to a topic go to its confirmed http
// subscribers on a background worker (never the I/O thread), and every message is
// recorded in memory for GET /_understudy/sns/messages.
#include <map>
#include <span>
#include <string>

#include "emulator/core/service.hpp"
#include "emulator/state/clock.hpp"
#include "emulator/state/store.hpp"
#include "services/sns/delivery_worker.hpp"
#include "services/sns/envelope.hpp"
#include "services/sns/message_log.hpp"
#include "services/sns/records.hpp"

namespace understudy::sns {

class Sns : public ServiceWithOperations<Sns> {
 public:
  Sns(state::Store& store, state::Clock& clock);
  std::string_view model_name() const override { return "sns"; }
  static std::span<const Entry> operations();
  void reset() override;
  // GET /_understudy/sns/messages[?topic_arn=ARN]: what was published, for tests to assert on.
  std::optional<Json> control(std::string_view method, std::string_view path,
                              const std::map<std::string, std::string>& query, const Json& body) override {
    if (method != "GET" || path != "messages") return std::nullopt;
    auto topic = query.find("topic_arn");
    return recorded_messages(topic == query.end() ? std::string() : topic->second);
  }

  // The messages published (newest 10,000), oldest first, as {"messages": [...]}; only
  // those of `topic_arn_filter` unless it is empty. Each lists its deliveries and their
  // outcome. For the emulator's own API: GET /_understudy/sns/messages[?topic_arn=...].
  Json recorded_messages(const std::string& topic_arn_filter) const;

  // topic_operations.cpp
  Json CreateTopic(const Json& input, const RequestContext& ctx);
  Json DeleteTopic(const Json& input, const RequestContext& ctx);
  Json ListTopics(const Json& input, const RequestContext& ctx);
  Json GetTopicAttributes(const Json& input, const RequestContext& ctx);
  Json SetTopicAttributes(const Json& input, const RequestContext& ctx);
  // subscription_operations.cpp
  Json Subscribe(const Json& input, const RequestContext& ctx);
  Json Unsubscribe(const Json& input, const RequestContext& ctx);
  Json ConfirmSubscription(const Json& input, const RequestContext& ctx);
  Json ListSubscriptions(const Json& input, const RequestContext& ctx);
  Json ListSubscriptionsByTopic(const Json& input, const RequestContext& ctx);
  Json GetSubscriptionAttributes(const Json& input, const RequestContext& ctx);
  Json SetSubscriptionAttributes(const Json& input, const RequestContext& ctx);
  // publish_operations.cpp
  Json Publish(const Json& input, const RequestContext& ctx);
  Json PublishBatch(const Json& input, const RequestContext& ctx);
  // tag_operations.cpp
  Json TagResource(const Json& input, const RequestContext& ctx);
  Json UntagResource(const Json& input, const RequestContext& ctx);
  Json ListTagsForResource(const Json& input, const RequestContext& ctx);

 private:
  // Publishes one message (Publish's input, or one PublishBatch entry) to `topic`;
  // returns {MessageId[, SequenceNumber]}.
  Json publish_to_topic(TopicRecord& topic, const Json& entry, const RequestContext& ctx);
  // Hands the message to each confirmed subscription whose filter policy matches; the
  // log entry lists each one and what became of it.
  void fan_out(const TopicRecord& topic, const PublishedMessage& message, Json& log_entry);
  // Records what AWS would have sent to confirm a pending subscription (with its Token).
  void record_confirmation_request(const SubscriptionRecord& subscription, double now);

  struct Deduplicated {
    std::string message_id;
    std::string sequence_number;
    double at = 0;
  };

  state::Store& store_;
  state::Clock& clock_;
  SnsRepository repo_;
  // FIFO topics' deduplication ids seen in the last five minutes, by topic ARN + id.
  // Touched only by handlers, which run on the I/O thread.
  std::map<std::string, Deduplicated> recent_deduplication_ids_;
  MessageLog log_;
  DeliveryWorker worker_;  // last: its thread writes into log_, so it must stop first
};

}  // namespace understudy::sns
