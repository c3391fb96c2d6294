#include "services/iam/policy_lookup.hpp"

#include "emulator/state/arn.hpp"
#include "services/iam/errors.hpp"

namespace understudy::iam {
namespace {

bool is_attached(const Json& principal, const std::string& arn) {
  auto it = principal.find("AttachedPolicies");
  if (it == principal.end()) return false;
  for (const Json& a : *it)
    if (a == arn) return true;
  return false;
}

std::size_t boundary_count(const Repository& repo, const std::string& arn) {
  std::size_t n = 0;
  for (const char* type : {kRoleType, kUserType})
    for (const Json& p : repo.list(type))
      if (p.value("PermissionsBoundary", "") == arn) ++n;
  return n;
}

}  // namespace

void check_policy_arn(const std::string& arn) {
  auto parsed = state::Arn::parse(arn);
  if (!parsed || parsed->service != "iam" || !parsed->resource.starts_with("policy/") || parsed->resource.size() <= 7 ||
      parsed->resource.back() == '/')
    throw invalid_input("ARN " + arn + " is not valid.");
}

ManagedPolicy aws_policy_record(const AwsManagedPolicy& builtin) {
  return {{"PolicyName", builtin.name},
          {"PolicyId", aws_managed_policy_id(builtin)},
          {"Arn", aws_managed_policy_arn(builtin)},
          {"Path", builtin.path},
          {"Description", builtin.description},
          {"CreateDate", kAwsManagedPolicyCreateDate},
          {"UpdateDate", kAwsManagedPolicyUpdateDate},
          {"DefaultVersionId", builtin.version_id},
          {"Tags", Json::array()},
          {"AwsManaged", true},
          {"Versions",
           {{{"VersionId", builtin.version_id},
             {"Document", builtin.document},
             {"IsDefaultVersion", true},
             {"CreateDate", kAwsManagedPolicyUpdateDate}}}}};
}

std::optional<ManagedPolicy> find_managed_policy(const Repository& repo, const std::string& arn) {
  if (const AwsManagedPolicy* builtin = find_aws_managed_policy_by_arn(arn)) return aws_policy_record(*builtin);
  auto parsed = state::Arn::parse(arn);
  if (!parsed || parsed->account != repo.account()) return std::nullopt;
  std::string name = parsed->resource.substr(parsed->resource.rfind('/') + 1);
  auto stored = repo.get(kPolicyType, lower(name));
  if (!stored || stored->value("Arn", "") != arn) return std::nullopt;
  return stored;
}

ManagedPolicy load_managed_policy(const Repository& repo, const std::string& arn) {
  check_policy_arn(arn);
  auto policy = find_managed_policy(repo, arn);
  if (!policy) throw no_such_entity("Policy " + arn + " was not found.");
  return *policy;
}

ManagedPolicy load_customer_policy(const Repository& repo, const std::string& arn) {
  ManagedPolicy policy = load_managed_policy(repo, arn);
  if (policy.value("AwsManaged", false))
    throw AwsError("AccessDenied", "AWS managed policy " + arn + " cannot be modified.", 403);
  return policy;
}

void save_customer_policy(Repository& repo, const ManagedPolicy& policy) {
  repo.put(kPolicyType, lower(policy["PolicyName"].get<std::string>()), policy);
}

std::size_t attachment_count(const Repository& repo, const std::string& arn) {
  std::size_t n = 0;
  for (const char* type : {kRoleType, kUserType, kGroupType})
    for (const Json& p : repo.list(type))
      if (is_attached(p, arn)) ++n;
  return n;
}

Json policy_view(const Repository& repo, const ManagedPolicy& policy, PolicyDetail detail) {
  const std::string arn = policy["Arn"];
  Json view = {{"PolicyName", policy["PolicyName"]},
               {"PolicyId", policy["PolicyId"]},
               {"Arn", arn},
               {"Path", policy["Path"]},
               {"DefaultVersionId", policy["DefaultVersionId"]},
               {"AttachmentCount", attachment_count(repo, arn)},
               {"PermissionsBoundaryUsageCount", boundary_count(repo, arn)},
               {"IsAttachable", true},
               {"CreateDate", policy["CreateDate"]},
               {"UpdateDate", policy["UpdateDate"]}};
  // ListPolicies leaves out descriptions and tags, as IAM's does.
  if (detail == PolicyDetail::Full) {
    if (policy.contains("Description")) view["Description"] = policy["Description"];
    if (!policy.value("Tags", Json::array()).empty()) view["Tags"] = policy["Tags"];
  }
  return view;
}

}  // namespace understudy::iam
