#include "services/sns/topic_attributes.hpp"

#include <array>
#include <cctype>
#include <string_view>

#include "services/sns/errors.hpp"

namespace understudy::sns {
namespace {

constexpr std::array<std::string_view, 11> kPlainAttributes = {"DeliveryPolicy",
                                                               "DisplayName",
                                                               "Policy",
                                                               "KmsMasterKeyId",
                                                               "SignatureVersion",
                                                               "TracingConfig",
                                                               "ArchivePolicy",
                                                               "FifoThroughputScope",
                                                               "DataProtectionPolicy",
                                                               "ContentBasedDeduplication",
                                                               "FifoTopic"};
constexpr std::array<std::string_view, 5> kFeedbackProtocols = {"Application", "HTTP", "Lambda", "SQS", "Firehose"};
constexpr std::array<std::string_view, 3> kFeedbackSuffixes = {"SuccessFeedbackRoleArn", "SuccessFeedbackSampleRate",
                                                               "FailureFeedbackRoleArn"};

bool known_attribute(const std::string& name) {
  for (auto a : kPlainAttributes)
    if (name == a) return true;
  for (auto p : kFeedbackProtocols)
    for (auto s : kFeedbackSuffixes)
      if (name == std::string(p) + std::string(s)) return true;
  return false;
}

bool is_json_object(const std::string& text) {
  const Json doc = Json::parse(text, nullptr, false);
  return !doc.is_discarded() && doc.is_object();
}

bool is_bool_text(const std::string& v) { return v == "true" || v == "false"; }

std::string default_effective_delivery_policy() {
  return Json{{"http",
               {{"defaultHealthyRetryPolicy",
                 {{"minDelayTarget", 20},
                  {"maxDelayTarget", 20},
                  {"numRetries", 3},
                  {"numMaxDelayRetries", 0},
                  {"numNoDelayRetries", 0},
                  {"numMinDelayRetries", 0},
                  {"backoffFunction", "linear"}}},
                {"disableSubscriptionOverrides", false},
                {"defaultRequestPolicy", {{"headerContentType", "text/plain; charset=UTF-8"}}}}}}
      .dump();
}

}  // namespace

std::string default_topic_policy(const std::string& topic_arn, const std::string& account) {
  return Json{{"Version", "2008-10-17"},
              {"Id", "__default_policy_ID"},
              {"Statement",
               Json::array({{{"Sid", "__default_statement_ID"},
                             {"Effect", "Allow"},
                             {"Principal", {{"AWS", "*"}}},
                             {"Action", Json::array({"SNS:GetTopicAttributes", "SNS:SetTopicAttributes",
                                                     "SNS:AddPermission", "SNS:RemovePermission", "SNS:DeleteTopic",
                                                     "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish"})},
                             {"Resource", topic_arn},
                             {"Condition", {{"StringEquals", {{"AWS:SourceOwner", account}}}}}}})}}
      .dump();
}

void validate_topic_attribute(const std::string& name, const std::string& value, bool creating, bool fifo) {
  if (!known_attribute(name)) throw invalid_parameter("AttributeName");
  if (name == "FifoTopic") {
    if (!creating) throw invalid_parameter("AttributeName Reason: FifoTopic can only be set when creating a topic");
    if (!is_bool_text(value)) throw invalid_parameter("Attributes Reason: FifoTopic must be true or false");
  } else if (name == "ContentBasedDeduplication") {
    if (!is_bool_text(value))
      throw invalid_parameter("Attributes Reason: ContentBasedDeduplication must be true or false");
    if (value == "true" && !fifo)
      throw invalid_parameter(
          "ContentBasedDeduplication Reason: Content based deduplication can only be set for FIFO topics");
  } else if (name == "Policy" || name == "DeliveryPolicy" || name == "DataProtectionPolicy" ||
             name == "ArchivePolicy") {
    if (!value.empty() && !is_json_object(value)) throw invalid_parameter(name + ": the value must be a JSON object");
  } else if (name == "DisplayName") {
    if (value.size() > 100) throw invalid_parameter("DisplayName Reason: must be at most 100 characters long");
  } else if (name == "SignatureVersion") {
    if (value != "1" && value != "2") throw invalid_parameter("SignatureVersion Reason: must be 1 or 2");
  } else if (name == "TracingConfig") {
    if (value != "PassThrough" && value != "Active")
      throw invalid_parameter("TracingConfig Reason: must be PassThrough or Active");
  } else if (name == "FifoThroughputScope") {
    if (!fifo) throw invalid_parameter("FifoThroughputScope Reason: can only be set for FIFO topics");
    if (value != "Topic" && value != "MessageGroup")
      throw invalid_parameter("FifoThroughputScope Reason: must be Topic or MessageGroup");
  }
}

bool valid_topic_name(const std::string& name, bool fifo) {
  std::string_view base = name;
  if (fifo) {
    if (!base.ends_with(".fifo")) return false;
    base.remove_suffix(5);
  }
  if (base.empty() || name.size() > 256) return false;
  for (char c : base)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

Json topic_attributes_view(const TopicRecord& topic, std::size_t confirmed, std::size_t pending) {
  Json out = topic.attributes;
  out["TopicArn"] = topic.arn();
  out["Owner"] = topic.account;
  if (!out.contains("Policy") || out["Policy"].get<std::string>().empty())
    out["Policy"] = default_topic_policy(topic.arn(), topic.account);
  if (!out.contains("DisplayName")) out["DisplayName"] = "";
  out["SubscriptionsConfirmed"] = std::to_string(confirmed);
  out["SubscriptionsPending"] = std::to_string(pending);
  out["SubscriptionsDeleted"] = "0";
  out["EffectiveDeliveryPolicy"] = out.contains("DeliveryPolicy") && !out["DeliveryPolicy"].get<std::string>().empty()
                                       ? out["DeliveryPolicy"].get<std::string>()
                                       : default_effective_delivery_policy();
  if (topic.fifo() && !out.contains("ContentBasedDeduplication")) out["ContentBasedDeduplication"] = "false";
  if (out.contains("FifoTopic") && out["FifoTopic"] == "false") out.erase("FifoTopic");
  return out;
}

}  // namespace understudy::sns
