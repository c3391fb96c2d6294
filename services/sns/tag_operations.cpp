#include "emulator/state/tags.hpp"
#include "services/sns/errors.hpp"
#include "services/sns/lookup.hpp"
#include "services/sns/sns.hpp"

namespace understudy::sns {
namespace {

// Tags live on topics; any other ARN (or a topic that is gone) is not a taggable resource.
TopicRecord tagged_topic(SnsRepository& repo, const RequestContext& ctx, const std::string& arn) {
  TopicName name;
  try {
    name = parse_topic_arn(arn, "ResourceArn");
  } catch (const AwsError&) {
    throw resource_not_found();
  }
  if (name.account != ctx.account || name.region != ctx.region) throw resource_not_found();
  if (auto topic = repo.load_topic(name.account, name.region, name.name)) return *topic;
  throw resource_not_found();
}

}  // namespace

Json Sns::TagResource(const Json& input, const RequestContext& ctx) {
  TopicRecord topic = tagged_topic(repo_, ctx, input.value("ResourceArn", ""));
  const Json merged = state::merge_tags(topic.tags, input.value("Tags", Json::array()), "InvalidParameter");
  topic.tags = merged;
  repo_.save(topic);
  return Json::object();
}

Json Sns::UntagResource(const Json& input, const RequestContext& ctx) {
  TopicRecord topic = tagged_topic(repo_, ctx, input.value("ResourceArn", ""));
  topic.tags = state::remove_tag_keys(topic.tags, input.value("TagKeys", Json::array()));
  repo_.save(topic);
  return Json::object();
}

Json Sns::ListTagsForResource(const Json& input, const RequestContext& ctx) {
  const TopicRecord topic = tagged_topic(repo_, ctx, input.value("ResourceArn", ""));
  return {{"Tags", topic.tags}};
}

}  // namespace understudy::sns
