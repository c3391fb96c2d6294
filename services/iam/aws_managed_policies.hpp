#pragma once
// The AWS-managed policies (arn:aws:iam::aws:policy/...) that every account sees. Their
// documents here are our own short stand-ins of the right shape, not AWS's text.
#include <span>
#include <string>
#include <string_view>

namespace understudy::iam {

struct AwsManagedPolicy {
  std::string_view name;
  std::string_view path;
  std::string_view version_id;
  std::string_view description;
  std::string_view document;
};

std::span<const AwsManagedPolicy> aws_managed_policies();
const AwsManagedPolicy* find_aws_managed_policy_by_arn(const std::string& arn);
std::string aws_managed_policy_arn(const AwsManagedPolicy& policy);
// A PolicyId that stays the same for the same policy across runs and accounts.
std::string aws_managed_policy_id(const AwsManagedPolicy& policy);
// AWS published these long ago; a fixed date keeps GetPolicy stable.
inline constexpr double kAwsManagedPolicyCreateDate = 1423699200;  // 2015-02-12
inline constexpr double kAwsManagedPolicyUpdateDate = 1704067200;  // 2024-01-01

}  // namespace understudy::iam
