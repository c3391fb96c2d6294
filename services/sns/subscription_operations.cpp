#include <array>
#include <cctype>
#include <string_view>

#include "emulator/net/http_client.hpp"
#include "emulator/state/ids.hpp"
#include "emulator/state/pagination.hpp"
#include "services/sns/errors.hpp"
#include "services/sns/lookup.hpp"
#include "services/sns/sns.hpp"
#include "services/sns/subscription_attributes.hpp"

namespace understudy::sns {
namespace {

constexpr std::size_t kPageSize = 100;
constexpr std::array<std::string_view, 9> kProtocols = {"http", "https",  "email",       "email-json", "sms",
                                                        "sqs",  "lambda", "application", "firehose"};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool phone_number(const std::string& text) {
  std::string_view digits = text;
  if (digits.starts_with("+")) digits.remove_prefix(1);
  if (digits.size() < 7 || digits.size() > 15) return false;
  for (char c : digits)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

void validate_endpoint(const std::string& protocol, const std::string& endpoint) {
  if (endpoint.empty()) throw invalid_parameter("Endpoint Reason: An endpoint must be given for protocol " + protocol);
  if (protocol == "http" || protocol == "https") {
    auto url = net::parse_http_url(endpoint);
    if (!url || url->scheme != protocol) throw invalid_parameter("Endpoint must match the specified protocol");
  } else if (protocol == "email" || protocol == "email-json") {
    const auto at = endpoint.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == endpoint.size() || endpoint.find(' ') != std::string::npos)
      throw invalid_parameter("Email address");
  } else if (protocol == "sms") {
    if (!phone_number(endpoint))
      throw invalid_parameter("Endpoint Reason: " + endpoint + " is not a valid phone number");
  } else if (protocol == "sqs") {
    if (!endpoint.starts_with("arn:aws:sqs:")) throw invalid_parameter("SQS endpoint ARN");
  } else if (protocol == "lambda") {
    if (!endpoint.starts_with("arn:aws:lambda:")) throw invalid_parameter("Lambda endpoint ARN");
  } else if (protocol == "firehose") {
    if (!endpoint.starts_with("arn:aws:firehose:")) throw invalid_parameter("Firehose endpoint ARN");
  } else if (protocol == "application") {
    if (!endpoint.starts_with("arn:aws:sns:") || endpoint.find(":endpoint/") == std::string::npos)
      throw invalid_parameter("Application endpoint ARN");
  }
}

// AWS confirms a subscription at once when the endpoint belongs to AWS (sqs, lambda,
// firehose, application) or is a phone number. For email it waits for the owner to
// click; for http(s) it POSTs a SubscriptionConfirmation and waits for the endpoint to
// visit its SubscribeURL. Understudy confirms a loopback http(s) endpoint at once, as
// if it had done that handshake (the subscriber is a local test server, usually one
// written to auto-confirm), and sends nothing to any other host unasked: those stay
// pending until ConfirmSubscription with the Token that the message log records.
bool needs_confirmation(const std::string& protocol, const std::string& endpoint) {
  if (protocol == "email" || protocol == "email-json") return true;
  if (protocol == "http" || protocol == "https") {
    auto url = net::parse_http_url(endpoint);
    return !url || !net::is_loopback_host(url->host);
  }
  return false;
}

Json string_attributes(const Json& given) {
  Json out = Json::object();
  if (!given.is_object()) return out;
  for (const auto& [name, value] : given.items())
    out[name] = value.is_string() ? value.get<std::string>() : value.dump();
  return out;
}

Json page(const std::vector<SubscriptionRecord>& subs, const Json& input, const std::string& fingerprint) {
  std::size_t start = 0;
  if (input.contains("NextToken"))
    start = state::decode_page_token(input["NextToken"], fingerprint, "InvalidParameter");
  Json out = {{"Subscriptions", Json::array()}};
  for (std::size_t i = start; i < subs.size() && i < start + kPageSize; ++i)
    out["Subscriptions"].push_back(subs[i].list_entry());
  if (start + kPageSize < subs.size()) out["NextToken"] = state::encode_page_token(start + kPageSize, fingerprint);
  return out;
}

}  // namespace

Json Sns::Subscribe(const Json& input, const RequestContext& ctx) {
  const TopicRecord topic = find_topic(repo_, ctx, input.value("TopicArn", ""), "Subscribe");
  const std::string protocol = lower(input.value("Protocol", ""));
  bool known = false;
  for (auto p : kProtocols) known = known || protocol == p;
  if (!known)
    throw invalid_parameter("Amazon SNS does not support this protocol string: " + input.value("Protocol", ""));
  const std::string endpoint = input.value("Endpoint", "");
  validate_endpoint(protocol, endpoint);
  const Json attributes = string_attributes(input.value("Attributes", Json::object()));
  validate_subscription_attributes(attributes, protocol);
  const bool return_arn = input.value("ReturnSubscriptionArn", false);

  for (const auto& existing : repo_.subscriptions_of(topic)) {
    if (existing.protocol != protocol || existing.endpoint != endpoint) continue;
    for (const auto& [name, value] : attributes.items())
      if (existing.attributes.value(name, "") != value.get<std::string>())
        throw invalid_parameter("Attributes Reason: Subscription already exists with different attributes");
    return {
        {"SubscriptionArn", existing.pending_confirmation && !return_arn ? "pending confirmation" : existing.arn()}};
  }

  SubscriptionRecord s;
  s.account = ctx.account;
  s.region = ctx.region;
  s.id = state::uuid4();
  s.topic_arn = topic.arn();
  s.protocol = protocol;
  s.endpoint = endpoint;
  s.attributes = attributes;
  s.pending_confirmation = needs_confirmation(protocol, endpoint);
  if (s.pending_confirmation) s.confirmation_token = state::random_hex(128);
  repo_.save(s);
  if (s.pending_confirmation) record_confirmation_request(s, ctx.now);
  return {{"SubscriptionArn", s.pending_confirmation && !return_arn ? "pending confirmation" : s.arn()}};
}

void Sns::record_confirmation_request(const SubscriptionRecord& s, double now) {
  Json entry = confirmation_envelope(s, state::uuid4(), now);
  entry["SubscriptionArn"] = s.arn();
  entry["Protocol"] = s.protocol;
  entry["Endpoint"] = s.endpoint;
  entry["Deliveries"] = Json::array();
  log_.record(std::move(entry));
}

Json Sns::Unsubscribe(const Json& input, const RequestContext& ctx) {
  repo_.erase(find_subscription(repo_, ctx, input.value("SubscriptionArn", "")));
  return Json::object();
}

Json Sns::ConfirmSubscription(const Json& input, const RequestContext& ctx) {
  const TopicRecord topic = find_topic(repo_, ctx, input.value("TopicArn", ""), "ConfirmSubscription");
  const std::string token = input.value("Token", "");
  for (auto s : repo_.subscriptions_of(topic)) {
    if (token.empty() || s.confirmation_token != token) continue;
    s.pending_confirmation = false;
    s.confirmation_was_authenticated = input.value("AuthenticateOnUnsubscribe", "false") == "true";
    repo_.save(s);
    return {{"SubscriptionArn", s.arn()}};
  }
  throw invalid_parameter("Token");
}

Json Sns::ListSubscriptions(const Json& input, const RequestContext& ctx) {
  return page(repo_.list_subscriptions(ctx.account, ctx.region), input, "ListSubscriptions");
}

Json Sns::ListSubscriptionsByTopic(const Json& input, const RequestContext& ctx) {
  const TopicRecord topic = find_topic(repo_, ctx, input.value("TopicArn", ""), "ListSubscriptionsByTopic");
  return page(repo_.subscriptions_of(topic), input, "ListSubscriptionsByTopic:" + topic.arn());
}

Json Sns::GetSubscriptionAttributes(const Json& input, const RequestContext& ctx) {
  const SubscriptionRecord s = find_subscription(repo_, ctx, input.value("SubscriptionArn", ""));
  const TopicName name = parse_topic_arn(s.topic_arn);
  const auto topic = repo_.load_topic(name.account, name.region, name.name);
  return {{"Attributes", subscription_attributes_view(s, topic ? &*topic : nullptr)}};
}

Json Sns::SetSubscriptionAttributes(const Json& input, const RequestContext& ctx) {
  SubscriptionRecord s = find_subscription(repo_, ctx, input.value("SubscriptionArn", ""));
  const std::string name = input.value("AttributeName", "");
  const std::string value = input.value("AttributeValue", "");
  if (!is_subscription_attribute(name)) throw invalid_parameter("AttributeName");
  Json attributes = s.attributes;
  // An empty value clears a policy; RawMessageDelivery must stay true or false.
  if (value.empty() && name != "RawMessageDelivery")
    attributes.erase(name);
  else
    attributes[name] = value;
  validate_subscription_attributes(attributes, s.protocol);
  s.attributes = attributes;
  repo_.save(s);
  return Json::object();
}

}  // namespace understudy::sns
