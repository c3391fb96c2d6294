// A managed policy's versions: up to five, one of them the default that takes effect.
#include <cctype>

#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/paging.hpp"
#include "services/iam/policy_document.hpp"
#include "services/iam/policy_lookup.hpp"

namespace understudy::iam {
namespace {

constexpr std::size_t kMaxVersions = 5;
constexpr std::size_t kManagedPolicyMaxSize = 6144;

void check_version_id(const Json& input) {
  const std::string id = input.value("VersionId", "");
  bool ok = id.size() >= 2 && id[0] == 'v' && id[1] >= '1' && id[1] <= '9';
  for (std::size_t i = 2; ok && i < id.size() && id[i] != '.'; ++i)
    if (!std::isdigit(static_cast<unsigned char>(id[i]))) ok = false;
  if (!ok) {
    Violations v;
    v.add(id, "versionId", "Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
    v.throw_if_any();
  }
}

Json version_view(const Json& version, bool with_document) {
  Json view = {{"VersionId", version["VersionId"]},
               {"IsDefaultVersion", version["IsDefaultVersion"]},
               {"CreateDate", version["CreateDate"]}};
  if (with_document) view["Document"] = url_encode(version["Document"].get<std::string>());
  return view;
}

Json* find_version(ManagedPolicy& policy, const std::string& version_id) {
  for (Json& v : policy["Versions"])
    if (v["VersionId"] == version_id) return &v;
  return nullptr;
}

AwsError no_such_version(const std::string& arn, const std::string& version_id) {
  return no_such_entity("Policy " + arn + " version " + version_id + " does not exist or is not attachable.");
}

}  // namespace

Json Iam::CreatePolicyVersion(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  const std::string arn = input["PolicyArn"];
  ManagedPolicy policy = load_customer_policy(repo, arn);
  const std::string document = input.value("PolicyDocument", "");
  validate_policy_document(document, PolicyKind::Identity, kManagedPolicyMaxSize);
  if (policy["Versions"].size() >= kMaxVersions)
    throw limit_exceeded("A managed policy can have up to " + std::to_string(kMaxVersions) +
                         " versions. Before you create a new version, you must delete an existing version.");
  const bool make_default = input.value("SetAsDefault", false);
  const std::string version_id = "v" + std::to_string(policy.value("NextVersion", 2));
  if (make_default) {
    for (Json& v : policy["Versions"]) v["IsDefaultVersion"] = false;
    policy["DefaultVersionId"] = version_id;
  }
  Json version = {
      {"VersionId", version_id}, {"Document", document}, {"IsDefaultVersion", make_default}, {"CreateDate", ctx.now}};
  policy["Versions"].push_back(version);
  policy["NextVersion"] = policy.value("NextVersion", 2) + 1;
  policy["UpdateDate"] = ctx.now;
  save_customer_policy(repo, policy);
  return {{"PolicyVersion", version_view(version, false)}};
}

Json Iam::GetPolicyVersion(const Json& input, const RequestContext& ctx) {
  check_version_id(input);
  Repository repo(store_, ctx);
  const std::string arn = input["PolicyArn"];
  ManagedPolicy policy = load_managed_policy(repo, arn);
  Json* version = find_version(policy, input["VersionId"]);
  if (version == nullptr) throw no_such_version(arn, input["VersionId"]);
  return {{"PolicyVersion", version_view(*version, true)}};
}

Json Iam::ListPolicyVersions(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  const std::string arn = input["PolicyArn"];
  ManagedPolicy policy = load_managed_policy(repo, arn);
  std::vector<Json> versions;
  // Newest first, as IAM lists them.
  for (auto it = policy["Versions"].rbegin(); it != policy["Versions"].rend(); ++it)
    versions.push_back(version_view(*it, false));
  return page(input, std::move(versions), "Versions", "ListPolicyVersions|" + arn);
}

Json Iam::DeletePolicyVersion(const Json& input, const RequestContext& ctx) {
  check_version_id(input);
  Repository repo(store_, ctx);
  const std::string arn = input["PolicyArn"];
  ManagedPolicy policy = load_customer_policy(repo, arn);
  const std::string version_id = input["VersionId"];
  Json* version = find_version(policy, version_id);
  if (version == nullptr) throw no_such_version(arn, version_id);
  if ((*version)["IsDefaultVersion"] == true) throw delete_conflict("Cannot delete the default version of a policy.");
  Json kept = Json::array();
  for (Json& v : policy["Versions"])
    if (v["VersionId"] != version_id) kept.push_back(std::move(v));
  policy["Versions"] = std::move(kept);
  save_customer_policy(repo, policy);
  return Json::object();
}

Json Iam::SetDefaultPolicyVersion(const Json& input, const RequestContext& ctx) {
  check_version_id(input);
  Repository repo(store_, ctx);
  const std::string arn = input["PolicyArn"];
  ManagedPolicy policy = load_customer_policy(repo, arn);
  const std::string version_id = input["VersionId"];
  if (find_version(policy, version_id) == nullptr) throw no_such_version(arn, version_id);
  for (Json& v : policy["Versions"]) v["IsDefaultVersion"] = v["VersionId"] == version_id;
  policy["DefaultVersionId"] = version_id;
  policy["UpdateDate"] = ctx.now;
  save_customer_policy(repo, policy);
  return Json::object();
}

}  // namespace understudy::iam
