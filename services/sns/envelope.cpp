#include "services/sns/envelope.hpp"

#include <openssl/evp.h>

#include <cstdio>
#include <ctime>

#include "emulator/core/base64.hpp"

namespace understudy::sns {
namespace {

using OrderedJson = nlohmann::ordered_json;

std::string service_url(const std::string& region) { return "https://sns." + region + ".amazonaws.com"; }

// Not an RSA signature: Understudy holds no certificate that SigningCertURL could serve,
// so a subscriber that verifies signatures must be told to skip it. The value has the
// right shape (base64 of a digest of SNS's string to sign) and changes with the message.
std::string pseudo_signature(const OrderedJson& envelope, const std::string& version) {
  std::string to_sign;
  for (const auto& [name, value] : envelope.items())
    if (value.is_string()) to_sign += name + "\n" + value.get<std::string>() + "\n";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  const EVP_MD* md = version == "2" ? EVP_sha256() : EVP_sha1();
  if (EVP_Digest(to_sign.data(), to_sign.size(), digest, &length, md, nullptr) != 1) return "";
  return base64_encode(std::string_view(reinterpret_cast<const char*>(digest), length));
}

void sign(OrderedJson& envelope, const std::string& region, const std::string& version) {
  envelope["SignatureVersion"] = version;
  envelope["Signature"] = pseudo_signature(envelope, version);
  envelope["SigningCertURL"] = service_url(region) + "/SimpleNotificationService-understudy.pem";
}

}  // namespace

std::string PublishedMessage::body_for(const std::string& protocol) const {
  if (per_protocol.is_object() && per_protocol.contains(protocol) && per_protocol[protocol].is_string())
    return per_protocol[protocol];
  return message;
}

std::string sns_timestamp(double epoch_seconds) {
  const auto whole = static_cast<std::time_t>(epoch_seconds);
  int millis = static_cast<int>((epoch_seconds - static_cast<double>(whole)) * 1000);
  if (millis < 0) millis = 0;
  if (millis > 999) millis = 999;
  std::tm tm{};
  gmtime_r(&whole, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
  return buf;
}

namespace {
// In AWS's member order, which a person reading a delivery expects.
OrderedJson ordered_notification(const PublishedMessage& m, const SubscriptionRecord& s) {
  OrderedJson e;
  e["Type"] = "Notification";
  e["MessageId"] = m.message_id;
  if (m.sequence_number) e["SequenceNumber"] = *m.sequence_number;
  e["TopicArn"] = m.topic_arn;
  if (m.subject) e["Subject"] = *m.subject;
  e["Message"] = m.body_for(s.protocol);
  e["Timestamp"] = sns_timestamp(m.timestamp);
  sign(e, m.region, m.signature_version);
  e["UnsubscribeURL"] = service_url(m.region) + "/?Action=Unsubscribe&SubscriptionArn=" + s.arn();
  if (m.attributes.is_object() && !m.attributes.empty()) {
    OrderedJson attributes;
    for (const auto& [name, value] : m.attributes.items()) {
      const std::string type = value.value("DataType", "String");
      const bool binary = type == "Binary" || type.starts_with("Binary.");
      attributes[name] = {{"Type", type},
                          {"Value", binary ? value.value("BinaryValue", "") : value.value("StringValue", "")}};
    }
    e["MessageAttributes"] = attributes;
  }
  return e;
}
}  // namespace

Json notification_envelope(const PublishedMessage& m, const SubscriptionRecord& s) {
  return Json::parse(ordered_notification(m, s).dump());
}

net::HttpClientRequest notification_request(const PublishedMessage& m, const SubscriptionRecord& s,
                                            const std::string& content_type) {
  net::HttpClientRequest req;
  req.method = "POST";
  req.url = s.endpoint;
  req.headers = {{"x-amz-sns-message-type", "Notification"},
                 {"x-amz-sns-message-id", m.message_id},
                 {"x-amz-sns-topic-arn", m.topic_arn},
                 {"x-amz-sns-subscription-arn", s.arn()},
                 {"Content-Type", content_type},
                 {"User-Agent", "Amazon Simple Notification Service Agent"}};
  if (s.raw_delivery()) {
    req.headers.emplace_back("x-amz-sns-rawdelivery", "true");
    req.body = m.body_for(s.protocol);
  } else {
    req.body = ordered_notification(m, s).dump();
  }
  return req;
}

Json confirmation_envelope(const SubscriptionRecord& s, const std::string& message_id, double timestamp) {
  const std::string region = s.region;
  OrderedJson e;
  e["Type"] = "SubscriptionConfirmation";
  e["MessageId"] = message_id;
  e["Token"] = s.confirmation_token;
  e["TopicArn"] = s.topic_arn;
  e["Message"] = "You have chosen to subscribe to the topic " + s.topic_arn +
                 ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
  e["SubscribeURL"] =
      service_url(region) + "/?Action=ConfirmSubscription&TopicArn=" + s.topic_arn + "&Token=" + s.confirmation_token;
  e["Timestamp"] = sns_timestamp(timestamp);
  sign(e, region, "1");
  return Json::parse(e.dump());
}

}  // namespace understudy::sns
