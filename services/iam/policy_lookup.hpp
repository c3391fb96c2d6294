#pragma once
// Managed policies by ARN: the account's own (stored) and AWS's (the built-in catalog),
// and the Policy structure IAM answers for either, with its attachment counts.
#include <optional>
#include <string>

#include "emulator/core/json.hpp"
#include "services/iam/aws_managed_policies.hpp"
#include "services/iam/repository.hpp"

namespace understudy::iam {

// One managed policy in the stored shape: {PolicyName, PolicyId, Arn, Path, Description,
// CreateDate, UpdateDate, DefaultVersionId, Tags, Versions: [...], NextVersion}. AWS's own
// are built on the fly and flagged "AwsManaged".
using ManagedPolicy = Json;

// Throws InvalidInput "ARN X is not valid." for text that is no IAM policy ARN.
void check_policy_arn(const std::string& arn);
std::optional<ManagedPolicy> find_managed_policy(const Repository& repo, const std::string& arn);
// NoSuchEntity "Policy ARN was not found." when missing.
ManagedPolicy load_managed_policy(const Repository& repo, const std::string& arn);
// The account's own policy, which may be changed; AWS's answer a refusal.
ManagedPolicy load_customer_policy(const Repository& repo, const std::string& arn);
void save_customer_policy(Repository& repo, const ManagedPolicy& policy);
ManagedPolicy aws_policy_record(const AwsManagedPolicy& builtin);

enum class PolicyDetail { Full, Listed };
Json policy_view(const Repository& repo, const ManagedPolicy& policy, PolicyDetail detail);
std::size_t attachment_count(const Repository& repo, const std::string& arn);

}  // namespace understudy::iam
