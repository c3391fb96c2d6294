#pragma once
// Finding the topic or subscription an ARN names, with SNS's errors for a malformed ARN
// (InvalidParameter), another account's topic (AuthorizationError) and a missing one
// (NotFound).
#include <string>

#include "emulator/core/request_context.hpp"
#include "services/sns/records.hpp"

namespace understudy::sns {

struct TopicName {
  std::string account;
  std::string region;
  std::string name;
};

// `member` names the parameter in the error ("TopicArn", "TargetArn").
TopicName parse_topic_arn(const std::string& arn, const std::string& member = "TopicArn");
// `action` is the SNS action an AuthorizationError names ("Publish").
TopicRecord find_topic(SnsRepository& repo, const RequestContext& ctx, const std::string& arn,
                       const std::string& action, const std::string& member = "TopicArn");
SubscriptionRecord find_subscription(SnsRepository& repo, const RequestContext& ctx, const std::string& arn);

}  // namespace understudy::sns
