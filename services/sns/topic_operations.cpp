#include "emulator/state/pagination.hpp"
#include "emulator/state/tags.hpp"
#include "services/sns/errors.hpp"
#include "services/sns/lookup.hpp"
#include "services/sns/sns.hpp"
#include "services/sns/topic_attributes.hpp"

namespace understudy::sns {
namespace {

constexpr std::size_t kPageSize = 100;

// CreateTopic's Attributes as strings, checked.
Json requested_attributes(const Json& input, bool fifo) {
  Json out = Json::object();
  const Json given = input.value("Attributes", Json::object());
  for (const auto& [name, value] : given.items()) {
    const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    validate_topic_attribute(name, text, true, fifo);
    out[name] = text;
  }
  if (input.contains("DataProtectionPolicy")) out["DataProtectionPolicy"] = input["DataProtectionPolicy"];
  return out;
}

}  // namespace

Json Sns::CreateTopic(const Json& input, const RequestContext& ctx) {
  const std::string name = input.value("Name", "");
  const Json given = input.value("Attributes", Json::object());
  const bool fifo = given.value("FifoTopic", "false") == "true";
  if (!valid_topic_name(name, fifo)) {
    if (fifo && !name.ends_with(".fifo"))
      throw invalid_parameter(
          "Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, "
          "numbers, underscores, and hyphens, and must be between 1 and 256 characters long.");
    throw invalid_parameter("Topic Name");
  }
  Json attributes = requested_attributes(input, fifo);
  const Json tags = input.value("Tags", Json::array());
  state::validate_tags(tags, "InvalidParameter");

  if (auto existing = repo_.load_topic(ctx.account, ctx.region, name)) {
    // A retry of the same CreateTopic answers the same topic; different settings are an error.
    for (const auto& [key, value] : attributes.items())
      if (existing->attributes.value(key, "") != value.get<std::string>() &&
          !(key == "FifoTopic" && value == "false" && !existing->fifo()))
        throw invalid_parameter("Attributes Reason: Topic already exists with different attributes");
    if (!tags.empty() && state::tags_to_map(existing->tags) != state::tags_to_map(tags))
      throw invalid_parameter("Tags Reason: Topic already exists with different tags");
    return {{"TopicArn", existing->arn()}};
  }

  TopicRecord topic;
  topic.account = ctx.account;
  topic.region = ctx.region;
  topic.name = name;
  topic.created = ctx.now;
  if (attributes.value("FifoTopic", "") == "false") attributes.erase("FifoTopic");
  if (!attributes.contains("Policy") || attributes["Policy"].get<std::string>().empty())
    attributes["Policy"] = default_topic_policy(topic.arn(), ctx.account);
  topic.attributes = attributes;
  topic.tags = state::merge_tags(Json::array(), tags, "InvalidParameter");
  repo_.save(topic);
  return {{"TopicArn", topic.arn()}};
}

// AWS answers success for a topic that does not exist.
Json Sns::DeleteTopic(const Json& input, const RequestContext& ctx) {
  const std::string arn = input.value("TopicArn", "");
  const TopicName name = parse_topic_arn(arn);
  if (name.region != ctx.region) throw invalid_parameter("TopicArn");
  if (name.account != ctx.account) throw authorization_error(ctx.account, "DeleteTopic", arn);
  if (auto topic = repo_.load_topic(name.account, name.region, name.name)) repo_.erase(*topic);
  return Json::object();
}

Json Sns::ListTopics(const Json& input, const RequestContext& ctx) {
  const auto topics = repo_.list_topics(ctx.account, ctx.region);
  std::size_t start = 0;
  if (input.contains("NextToken"))
    start = state::decode_page_token(input["NextToken"], "ListTopics", "InvalidParameter");
  Json out = {{"Topics", Json::array()}};
  for (std::size_t i = start; i < topics.size() && i < start + kPageSize; ++i)
    out["Topics"].push_back({{"TopicArn", topics[i].arn()}});
  if (start + kPageSize < topics.size()) out["NextToken"] = state::encode_page_token(start + kPageSize, "ListTopics");
  return out;
}

Json Sns::GetTopicAttributes(const Json& input, const RequestContext& ctx) {
  const TopicRecord topic = find_topic(repo_, ctx, input.value("TopicArn", ""), "GetTopicAttributes");
  std::size_t confirmed = 0, pending = 0;
  for (const auto& s : repo_.subscriptions_of(topic)) ++(s.pending_confirmation ? pending : confirmed);
  return {{"Attributes", topic_attributes_view(topic, confirmed, pending)}};
}

Json Sns::SetTopicAttributes(const Json& input, const RequestContext& ctx) {
  TopicRecord topic = find_topic(repo_, ctx, input.value("TopicArn", ""), "SetTopicAttributes");
  const std::string name = input.value("AttributeName", "");
  const std::string value = input.value("AttributeValue", "");
  validate_topic_attribute(name, value, false, topic.fifo());
  if (name == "Policy" && value.empty())
    topic.attributes["Policy"] = default_topic_policy(topic.arn(), topic.account);
  else if (value.empty() && name != "DisplayName")
    topic.attributes.erase(name);
  else
    topic.attributes[name] = value;
  repo_.save(topic);
  return Json::object();
}

}  // namespace understudy::sns
