#include "services/sns/lookup.hpp"

#include "emulator/state/arn.hpp"
#include "services/sns/errors.hpp"
#include "services/sns/topic_attributes.hpp"

namespace understudy::sns {

TopicName parse_topic_arn(const std::string& arn, const std::string& member) {
  auto parsed = state::Arn::parse(arn);
  if (!parsed || parsed->service != "sns" || parsed->region.empty() || parsed->account.empty() ||
      parsed->resource.find(':') != std::string::npos || parsed->resource.empty())
    throw invalid_parameter(member);
  return {parsed->account, parsed->region, parsed->resource};
}

TopicRecord find_topic(SnsRepository& repo, const RequestContext& ctx, const std::string& arn,
                       const std::string& action, const std::string& member) {
  const TopicName name = parse_topic_arn(arn, member);
  if (name.region != ctx.region) throw invalid_parameter(member);
  if (name.account != ctx.account) throw authorization_error(ctx.account, action, arn);
  if (auto topic = repo.load_topic(name.account, name.region, name.name)) return *topic;
  throw topic_not_found();
}

SubscriptionRecord find_subscription(SnsRepository& repo, const RequestContext& ctx, const std::string& arn) {
  // arn:aws:sns:region:account:topic:id
  const auto last = arn.rfind(':');
  auto parsed = state::Arn::parse(arn);
  if (!parsed || parsed->service != "sns" || last == std::string::npos ||
      parsed->resource.find(':') == std::string::npos)
    throw invalid_parameter("SubscriptionArn");
  if (parsed->region != ctx.region || parsed->account != ctx.account) throw subscription_not_found();
  if (auto s = repo.load_subscription(parsed->account, parsed->region, arn.substr(last + 1)); s && s->arn() == arn)
    return *s;
  throw subscription_not_found();
}

}  // namespace understudy::sns
