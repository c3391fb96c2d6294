#include <openssl/evp.h>

#include <cctype>
#include <cstdio>
#include <set>

#include "emulator/state/ids.hpp"
#include "services/sns/errors.hpp"
#include "services/sns/filter_policy.hpp"
#include "services/sns/lookup.hpp"
#include "services/sns/message_attributes.hpp"
#include "services/sns/sns.hpp"

namespace understudy::sns {
namespace {

constexpr std::size_t kMaxMessageBytes = 256 * 1024;
constexpr std::size_t kMaxBatchEntries = 10;
constexpr double kDeduplicationWindow = 300;

std::string sha256_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  std::string out;
  char hex[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(hex, sizeof hex, "%02x", digest[i]);
    out += hex;
  }
  return out;
}

void validate_subject(const Json& entry) {
  if (!entry.contains("Subject")) return;
  const std::string subject = entry["Subject"];
  if (subject.empty() || subject.size() > 100) throw invalid_parameter("Subject");
  for (unsigned char c : subject)
    if (c < 0x20 || c > 0x7e) throw invalid_parameter("Subject");
}

// MessageStructure=json: the message is an object of per-protocol messages with a default.
Json per_protocol_messages(const Json& entry, const std::string& message) {
  if (!entry.contains("MessageStructure")) return nullptr;
  if (entry["MessageStructure"] != "json") throw invalid_parameter("MessageStructure");
  const Json doc = Json::parse(message, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    throw invalid_parameter("Message Structure - JSON message body failed to parse");
  if (!doc.contains("default") || !doc["default"].is_string())
    throw invalid_parameter("Message Structure - No default entry in JSON message body");
  return doc;
}

std::string message_of(const Json& entry) {
  const std::string message = entry.value("Message", "");
  if (message.empty()) throw invalid_parameter("Empty message");
  if (message.size() > kMaxMessageBytes) throw invalid_parameter("Message too long");
  return message;
}

bool http_protocol(const std::string& protocol) { return protocol == "http" || protocol == "https"; }

std::string content_type_for(const TopicRecord& topic, const SubscriptionRecord& s) {
  auto from = [](const std::string& text, const char* scope) -> std::string {
    const Json doc = Json::parse(text.empty() ? "{}" : text, nullptr, false);
    if (!doc.is_object()) return "";
    const Json* policy = scope ? (doc.contains(scope) ? &doc[scope] : nullptr) : &doc;
    if (!policy || !policy->is_object()) return "";
    for (const char* key : {"requestPolicy", "defaultRequestPolicy"})
      if (policy->contains(key) && (*policy)[key].is_object()) return (*policy)[key].value("headerContentType", "");
    return "";
  };
  if (auto own = from(s.attributes.value("DeliveryPolicy", ""), nullptr); !own.empty()) return own;
  if (auto topics = from(topic.attributes.value("DeliveryPolicy", ""), "http"); !topics.empty()) return topics;
  return "text/plain; charset=UTF-8";
}

void validate_batch_ids(const Json& entries) {
  if (!entries.is_array() || entries.empty())
    throw AwsError("EmptyBatchRequest", "The batch request doesn't contain any entries.");
  if (entries.size() > kMaxBatchEntries)
    throw AwsError("TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible.");
  std::set<std::string> seen;
  std::size_t total = 0;
  for (const auto& e : entries) {
    const std::string id = e.value("Id", "");
    bool ok = !id.empty() && id.size() <= 80;
    for (char c : id) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
    if (!ok)
      throw AwsError("InvalidBatchEntryId",
                     "The Id of a batch entry in a batch request doesn't abide by the specification.");
    if (!seen.insert(id).second)
      throw AwsError("BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");
    total += e.value("Message", "").size();
  }
  if (total > kMaxMessageBytes)
    throw AwsError("BatchRequestTooLong", "The length of all the messages put together is more than the limit.");
}

}  // namespace

Json Sns::Publish(const Json& input, const RequestContext& ctx) {
  const int targets = input.contains("TopicArn") + input.contains("TargetArn") + input.contains("PhoneNumber");
  if (targets == 0) throw invalid_parameter("TopicArn or TargetArn Reason: no value for required parameter");
  if (targets > 1)
    throw invalid_parameter("TopicArn Reason: Only one of TopicArn, TargetArn or PhoneNumber may be given");

  if (input.contains("PhoneNumber")) {
    const std::string phone = input["PhoneNumber"];
    std::string_view digits = phone;
    if (digits.starts_with("+")) digits.remove_prefix(1);
    bool ok = digits.size() >= 7 && digits.size() <= 15;
    for (char c : digits) ok = ok && std::isdigit(static_cast<unsigned char>(c));
    if (!ok) throw invalid_parameter("PhoneNumber Reason: " + phone + " is not valid to publish to");
    const std::string message = message_of(input);
    validate_message_attributes(input.value("MessageAttributes", Json::object()));
    // No SMS leaves the emulator: the message is recorded for a test to read.
    const std::string id = state::uuid4();
    log_.record({{"Type", "Notification"},
                 {"MessageId", id},
                 {"PhoneNumber", phone},
                 {"Message", message},
                 {"MessageAttributes", input.value("MessageAttributes", Json::object())},
                 {"Timestamp", sns_timestamp(ctx.now)},
                 {"Deliveries", Json::array()}});
    return {{"MessageId", id}};
  }

  const bool target = input.contains("TargetArn");
  const std::string arn = input.value(target ? "TargetArn" : "TopicArn", "");
  if (target && arn.find(":endpoint/") != std::string::npos) throw AwsError("NotFound", "Endpoint does not exist", 404);
  TopicRecord topic = find_topic(repo_, ctx, arn, "Publish", target ? "TargetArn" : "TopicArn");
  return publish_to_topic(topic, input, ctx);
}

Json Sns::PublishBatch(const Json& input, const RequestContext& ctx) {
  TopicRecord topic = find_topic(repo_, ctx, input.value("TopicArn", ""), "Publish");
  const Json entries = input.value("PublishBatchRequestEntries", Json::array());
  validate_batch_ids(entries);
  Json out = {{"Successful", Json::array()}, {"Failed", Json::array()}};
  for (const auto& entry : entries) {
    const std::string id = entry.value("Id", "");
    try {
      Json published = publish_to_topic(topic, entry, ctx);
      published["Id"] = id;
      out["Successful"].push_back(published);
    } catch (const AwsError& e) {
      out["Failed"].push_back(
          {{"Id", id}, {"Code", e.code}, {"Message", e.message()}, {"SenderFault", e.sender_fault}});
    }
  }
  return out;
}

Json Sns::publish_to_topic(TopicRecord& topic, const Json& entry, const RequestContext& ctx) {
  const std::string body = message_of(entry);
  validate_subject(entry);
  PublishedMessage m;
  m.per_protocol = per_protocol_messages(entry, body);
  m.message = m.per_protocol.is_object() ? m.per_protocol["default"].get<std::string>() : body;
  m.attributes = entry.value("MessageAttributes", Json::object());
  validate_message_attributes(m.attributes);
  if (entry.contains("Subject")) m.subject = entry["Subject"].get<std::string>();
  m.topic_arn = topic.arn();
  m.region = topic.region;
  m.timestamp = ctx.now;
  m.signature_version = topic.attributes.value("SignatureVersion", "1");

  if (topic.fifo()) {
    if (!entry.contains("MessageGroupId"))
      throw invalid_parameter("The MessageGroupId parameter is required for FIFO topics");
    m.group_id = entry["MessageGroupId"].get<std::string>();
    if (entry.contains("MessageDeduplicationId"))
      m.deduplication_id = entry["MessageDeduplicationId"].get<std::string>();
    else if (topic.content_based_deduplication())
      m.deduplication_id = sha256_hex(body);
    else
      throw invalid_parameter(
          "The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided "
          "explicitly");
    // A duplicate within five minutes is accepted and answered alike, but not delivered again.
    const std::string dedup_key = m.topic_arn + "\n" + *m.deduplication_id;
    if (auto it = recent_deduplication_ids_.find(dedup_key);
        it != recent_deduplication_ids_.end() && ctx.now - it->second.at < kDeduplicationWindow)
      return {{"MessageId", it->second.message_id}, {"SequenceNumber", it->second.sequence_number}};
    for (auto it = recent_deduplication_ids_.begin(); it != recent_deduplication_ids_.end();)
      it = ctx.now - it->second.at >= kDeduplicationWindow ? recent_deduplication_ids_.erase(it) : std::next(it);
    ++topic.sequence;
    char sequence[32];
    std::snprintf(sequence, sizeof sequence, "1%019llu", topic.sequence);
    m.sequence_number = sequence;
    repo_.save(topic);
  } else {
    if (entry.contains("MessageDeduplicationId"))
      throw invalid_parameter(
          "MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid "
          "for this topic type");
    if (entry.contains("MessageGroupId"))
      throw invalid_parameter(
          "MessageGroupId Reason: The request includes MessageGroupId parameter that is not valid for this topic "
          "type");
  }

  m.message_id = state::uuid4();
  if (m.deduplication_id)
    recent_deduplication_ids_[m.topic_arn + "\n" + *m.deduplication_id] = {m.message_id, *m.sequence_number, ctx.now};

  Json log_entry = {
      {"Type", "Notification"}, {"MessageId", m.message_id},         {"TopicArn", m.topic_arn},
      {"Message", body},        {"MessageAttributes", m.attributes}, {"Timestamp", sns_timestamp(m.timestamp)}};
  if (m.subject) log_entry["Subject"] = *m.subject;
  if (m.per_protocol.is_object()) log_entry["MessageStructure"] = "json";
  if (m.group_id) log_entry["MessageGroupId"] = *m.group_id;
  if (m.deduplication_id) log_entry["MessageDeduplicationId"] = *m.deduplication_id;
  if (m.sequence_number) log_entry["SequenceNumber"] = *m.sequence_number;
  fan_out(topic, m, log_entry);

  Json out = {{"MessageId", m.message_id}};
  if (m.sequence_number) out["SequenceNumber"] = *m.sequence_number;
  return out;
}

void Sns::fan_out(const TopicRecord& topic, const PublishedMessage& m, Json& log_entry) {
  std::vector<Delivery> deliveries;
  Json recorded = Json::array();
  for (const auto& s : repo_.subscriptions_of(topic)) {
    if (s.pending_confirmation) continue;
    Json d = {{"SubscriptionArn", s.arn()}, {"Protocol", s.protocol}, {"Endpoint", s.endpoint}};
    const std::string policy = s.attributes.value("FilterPolicy", "");
    if (!policy.empty() &&
        !filter_policy_matches(policy, parse_filter_scope(s.attributes.value("FilterPolicyScope", "MessageAttributes")),
                               m.attributes, m.message)) {
      d["Status"] = "filtered";
    } else if (http_protocol(s.protocol)) {
      d["Status"] = "pending";
      deliveries.push_back({m.message_id, s.arn(), notification_request(m, s, content_type_for(topic, s))});
    } else {
      d["Status"] = "recorded";
      d["Reason"] = "Understudy does not deliver to " + s.protocol + " endpoints; the message is recorded only";
    }
    recorded.push_back(std::move(d));
  }
  log_entry["Deliveries"] = std::move(recorded);
  // Recorded before the worker can report on it.
  log_.record(std::move(log_entry));
  for (auto& d : deliveries) {
    const std::string subscription = d.subscription_arn;
    if (!worker_.enqueue(std::move(d)))
      log_.update_delivery(m.message_id, subscription, {{"Status", "failed"}, {"Error", "delivery queue is full"}});
  }
}

}  // namespace understudy::sns
