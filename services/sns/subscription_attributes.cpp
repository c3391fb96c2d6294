#include "services/sns/subscription_attributes.hpp"

#include <array>
#include <string_view>

#include "services/sns/errors.hpp"
#include "services/sns/filter_policy.hpp"

namespace understudy::sns {
namespace {

constexpr std::array<std::string_view, 7> kNames = {"DeliveryPolicy",     "FilterPolicy",  "FilterPolicyScope",
                                                    "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn",
                                                    "ReplayPolicy"};

bool raw_delivery_protocol(const std::string& protocol) {
  return protocol == "http" || protocol == "https" || protocol == "sqs" || protocol == "firehose";
}

}  // namespace

bool is_subscription_attribute(const std::string& name) {
  for (auto n : kNames)
    if (name == n) return true;
  return false;
}

void validate_subscription_attributes(const Json& attributes, const std::string& protocol) {
  for (const auto& [name, value] : attributes.items()) {
    if (!is_subscription_attribute(name)) throw invalid_parameter("Attributes Reason: Unknown attribute name " + name);
    const std::string text = value.get<std::string>();
    if (name == "RawMessageDelivery") {
      if (text != "true" && text != "false")
        throw invalid_parameter("Attributes Reason: RawMessageDelivery: Invalid value [" + text +
                                "]. Must be true or false.");
      if (text == "true" && !raw_delivery_protocol(protocol))
        throw invalid_parameter("Attributes Reason: Delivery protocol [" + protocol +
                                "] does not support raw message delivery.");
    } else if (name == "RedrivePolicy" && !text.empty()) {
      const Json doc = Json::parse(text, nullptr, false);
      if (doc.is_discarded() || !doc.is_object() || !doc.contains("deadLetterTargetArn") ||
          !doc["deadLetterTargetArn"].is_string())
        throw invalid_parameter("RedrivePolicy: Invalid value [" + text + "]. It must contain deadLetterTargetArn.");
    } else if ((name == "DeliveryPolicy" || name == "ReplayPolicy") && !text.empty()) {
      const Json doc = Json::parse(text, nullptr, false);
      if (doc.is_discarded() || !doc.is_object()) throw invalid_parameter(name + ": the value must be a JSON object");
    }
  }
  const FilterScope scope = parse_filter_scope(attributes.value("FilterPolicyScope", "MessageAttributes"));
  if (const std::string policy = attributes.value("FilterPolicy", ""); !policy.empty())
    validate_filter_policy(policy, scope);
  if (protocol == "firehose" && attributes.value("SubscriptionRoleArn", "").empty())
    throw invalid_parameter("Invalid parameter: SubscriptionRoleArn");
}

Json subscription_attributes_view(const SubscriptionRecord& s, const TopicRecord* topic) {
  Json out = s.attributes;
  for (auto it = out.begin(); it != out.end();) {
    if (it.value() == "")
      it = out.erase(it);
    else
      ++it;
  }
  out["SubscriptionArn"] = s.arn();
  out["TopicArn"] = s.topic_arn;
  out["Owner"] = s.account;
  out["Protocol"] = s.protocol;
  out["Endpoint"] = s.endpoint;
  out["PendingConfirmation"] = s.pending_confirmation ? "true" : "false";
  out["ConfirmationWasAuthenticated"] = s.confirmation_was_authenticated ? "true" : "false";
  if (!out.contains("RawMessageDelivery")) out["RawMessageDelivery"] = "false";
  if (out.contains("FilterPolicy") && !out.contains("FilterPolicyScope"))
    out["FilterPolicyScope"] = "MessageAttributes";
  if (s.protocol == "http" || s.protocol == "https") {
    Json effective = {{"healthyRetryPolicy",
                       {{"minDelayTarget", 20},
                        {"maxDelayTarget", 20},
                        {"numRetries", 3},
                        {"numMaxDelayRetries", 0},
                        {"numNoDelayRetries", 0},
                        {"numMinDelayRetries", 0},
                        {"backoffFunction", "linear"}}}};
    if (topic) {
      const Json topic_policy = Json::parse(topic->attributes.value("DeliveryPolicy", "{}"), nullptr, false);
      if (topic_policy.is_object() && topic_policy.contains("http") && topic_policy["http"].is_object() &&
          topic_policy["http"].contains("defaultHealthyRetryPolicy"))
        effective["healthyRetryPolicy"] = topic_policy["http"]["defaultHealthyRetryPolicy"];
    }
    const Json own = Json::parse(s.attributes.value("DeliveryPolicy", "{}"), nullptr, false);
    if (own.is_object()) effective.update(own);
    out["EffectiveDeliveryPolicy"] = effective.dump();
  }
  return out;
}

}  // namespace understudy::sns
