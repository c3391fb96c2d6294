#pragma once
// What an http(s) subscriber receives: the JSON envelope SNS posts (Type Notification or
// SubscriptionConfirmation) and the x-amz-sns-* headers around it.
#include <optional>
#include <string>

#include "emulator/core/json.hpp"
#include "emulator/net/http_client.hpp"
#include "services/sns/records.hpp"

namespace understudy::sns {

struct PublishedMessage {
  std::string message_id;
  std::string topic_arn;
  std::string region;
  std::optional<std::string> subject;
  std::string message;
  // MessageStructure=json: the per-protocol messages, with "default"; null otherwise.
  Json per_protocol;
  Json attributes = Json::object();
  double timestamp = 0;
  std::string signature_version = "1";
  std::optional<std::string> group_id;
  std::optional<std::string> deduplication_id;
  std::optional<std::string> sequence_number;

  // The message a subscriber of `protocol` gets.
  std::string body_for(const std::string& protocol) const;
};

// 2012-04-25T21:49:25.719Z, as SNS writes its Timestamp.
std::string sns_timestamp(double epoch_seconds);

// `content_type` overrides text/plain; charset=UTF-8 (a delivery policy's headerContentType).
net::HttpClientRequest notification_request(const PublishedMessage& message, const SubscriptionRecord& subscription,
                                            const std::string& content_type);
// The envelope alone (also what the message log keeps of an http delivery).
Json notification_envelope(const PublishedMessage& message, const SubscriptionRecord& subscription);
// What AWS would send to confirm a subscription; Understudy records it rather than send
// it (see Subscribe).
Json confirmation_envelope(const SubscriptionRecord& subscription, const std::string& message_id, double timestamp);

}  // namespace understudy::sns
