// Managed policies attached to roles, users and groups. The principal's body holds the
// ARNs; a policy's AttachmentCount is counted from them.
#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/paging.hpp"
#include "services/iam/policy_lookup.hpp"
#include "services/iam/principals.hpp"
#include "services/iam/validation.hpp"

namespace understudy::iam {
namespace {

// IAM's default quota of managed policies per role, user or group.
constexpr std::size_t kMaxAttached = 10;

std::string quota_name(const PrincipalKind& kind) {
  if (&kind == &kRoleKind) return "PoliciesPerRole";
  if (&kind == &kUserKind) return "PoliciesPerUser";
  return "PoliciesPerGroup";
}

void attach(state::Store& store, const RequestContext& ctx, const PrincipalKind& kind, const Json& input) {
  const std::string name = principal_name(input, kind);
  Repository repo(store, ctx);
  Json principal = load_principal(repo, kind, name);
  const std::string arn = input["PolicyArn"];
  check_policy_arn(arn);
  if (!find_managed_policy(repo, arn)) throw no_such_entity("Policy " + arn + " does not exist or is not attachable.");
  Json& attached = principal["AttachedPolicies"];
  if (!attached.is_array()) attached = Json::array();
  for (const Json& a : attached)
    if (a == arn) return;
  if (attached.size() >= kMaxAttached)
    throw limit_exceeded("Cannot exceed quota for " + quota_name(kind) + ": " + std::to_string(kMaxAttached));
  attached.push_back(arn);
  save_principal(repo, kind, principal);
}

void detach(state::Store& store, const RequestContext& ctx, const PrincipalKind& kind, const Json& input) {
  const std::string name = principal_name(input, kind);
  Repository repo(store, ctx);
  Json principal = load_principal(repo, kind, name);
  const std::string arn = input["PolicyArn"];
  check_policy_arn(arn);
  Json kept = Json::array();
  bool found = false;
  for (const Json& a : principal.value("AttachedPolicies", Json::array())) {
    if (a == arn)
      found = true;
    else
      kept.push_back(a);
  }
  if (!found) throw no_such_entity("Policy " + arn + " was not found.");
  principal["AttachedPolicies"] = std::move(kept);
  save_principal(repo, kind, principal);
}

Json list_attached(state::Store& store, const RequestContext& ctx, const PrincipalKind& kind, const Json& input,
                   const std::string& operation) {
  const std::string name = principal_name(input, kind);
  Violations v;
  check_path_prefix(v, input);
  v.throw_if_any();
  Repository repo(store, ctx);
  Json principal = load_principal(repo, kind, name);
  const std::string prefix = input.value("PathPrefix", "/");
  std::vector<Json> attached;
  for (const Json& a : principal.value("AttachedPolicies", Json::array())) {
    auto policy = find_managed_policy(repo, a);
    if (!policy || !(*policy)["Path"].get<std::string>().starts_with(prefix)) continue;
    attached.push_back({{"PolicyName", (*policy)["PolicyName"]}, {"PolicyArn", a}});
  }
  return page(input, std::move(attached), "AttachedPolicies", operation + "|" + lower(name) + "|" + prefix);
}

}  // namespace

Json Iam::AttachRolePolicy(const Json& input, const RequestContext& ctx) {
  attach(store_, ctx, kRoleKind, input);
  return Json::object();
}
Json Iam::DetachRolePolicy(const Json& input, const RequestContext& ctx) {
  detach(store_, ctx, kRoleKind, input);
  return Json::object();
}
Json Iam::ListAttachedRolePolicies(const Json& input, const RequestContext& ctx) {
  return list_attached(store_, ctx, kRoleKind, input, "ListAttachedRolePolicies");
}
Json Iam::AttachUserPolicy(const Json& input, const RequestContext& ctx) {
  attach(store_, ctx, kUserKind, input);
  return Json::object();
}
Json Iam::DetachUserPolicy(const Json& input, const RequestContext& ctx) {
  detach(store_, ctx, kUserKind, input);
  return Json::object();
}
Json Iam::ListAttachedUserPolicies(const Json& input, const RequestContext& ctx) {
  return list_attached(store_, ctx, kUserKind, input, "ListAttachedUserPolicies");
}
Json Iam::AttachGroupPolicy(const Json& input, const RequestContext& ctx) {
  attach(store_, ctx, kGroupKind, input);
  return Json::object();
}
Json Iam::DetachGroupPolicy(const Json& input, const RequestContext& ctx) {
  detach(store_, ctx, kGroupKind, input);
  return Json::object();
}
Json Iam::ListAttachedGroupPolicies(const Json& input, const RequestContext& ctx) {
  return list_attached(store_, ctx, kGroupKind, input, "ListAttachedGroupPolicies");
}

}  // namespace understudy::iam
