// Inline policies: documents embedded in one role, user or group, named within it.
#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/paging.hpp"
#include "services/iam/policy_document.hpp"
#include "services/iam/principals.hpp"
#include "services/iam/validation.hpp"

namespace understudy::iam {
namespace {

// IAM's quotas for inline policy size per kind of principal.
std::size_t max_size(const PrincipalKind& kind) {
  if (&kind == &kRoleKind) return 10240;
  if (&kind == &kUserKind) return 2048;
  return 5120;
}

std::string policy_name(const Json& input) {
  require_name(input, "PolicyName", 128);
  return input.value("PolicyName", "");
}

AwsError no_such_inline(const PrincipalKind& kind, const std::string& name) {
  return no_such_entity("The " + std::string(kind.noun) + " policy with name " + name + " cannot be found.");
}

void put(state::Store& store, const RequestContext& ctx, const PrincipalKind& kind, const Json& input) {
  const std::string name = principal_name(input, kind);
  const std::string policy = policy_name(input);
  const std::string document = input.value("PolicyDocument", "");
  validate_policy_document(document, PolicyKind::Identity, max_size(kind));
  Repository repo(store, ctx);
  Json principal = load_principal(repo, kind, name);
  if (!principal["InlinePolicies"].is_object()) principal["InlinePolicies"] = Json::object();
  principal["InlinePolicies"][policy] = document;
  save_principal(repo, kind, principal);
}

Json get(state::Store& store, const RequestContext& ctx, const PrincipalKind& kind, const Json& input) {
  const std::string name = principal_name(input, kind);
  const std::string policy = policy_name(input);
  Repository repo(store, ctx);
  Json principal = load_principal(repo, kind, name);
  const Json inline_policies = principal.value("InlinePolicies", Json::object());
  auto it = inline_policies.find(policy);
  if (it == inline_policies.end()) throw no_such_inline(kind, policy);
  return {{kind.name_member, principal[kind.name_member]},
          {"PolicyName", policy},
          {"PolicyDocument", url_encode(it->get<std::string>())}};
}

Json list(state::Store& store, const RequestContext& ctx, const PrincipalKind& kind, const Json& input,
          const std::string& operation) {
  const std::string name = principal_name(input, kind);
  Repository repo(store, ctx);
  Json principal = load_principal(repo, kind, name);
  std::vector<Json> names;
  const Json inline_policies = principal.value("InlinePolicies", Json::object());
  for (auto it = inline_policies.begin(); it != inline_policies.end(); ++it) names.emplace_back(it.key());
  return page(input, std::move(names), "PolicyNames", operation + "|" + lower(name));
}

void remove(state::Store& store, const RequestContext& ctx, const PrincipalKind& kind, const Json& input) {
  const std::string name = principal_name(input, kind);
  const std::string policy = policy_name(input);
  Repository repo(store, ctx);
  Json principal = load_principal(repo, kind, name);
  if (!principal["InlinePolicies"].is_object() || principal["InlinePolicies"].erase(policy) == 0)
    throw no_such_inline(kind, policy);
  save_principal(repo, kind, principal);
}

}  // namespace

Json Iam::PutRolePolicy(const Json& input, const RequestContext& ctx) {
  put(store_, ctx, kRoleKind, input);
  return Json::object();
}
Json Iam::GetRolePolicy(const Json& input, const RequestContext& ctx) { return get(store_, ctx, kRoleKind, input); }
Json Iam::ListRolePolicies(const Json& input, const RequestContext& ctx) {
  return list(store_, ctx, kRoleKind, input, "ListRolePolicies");
}
Json Iam::DeleteRolePolicy(const Json& input, const RequestContext& ctx) {
  remove(store_, ctx, kRoleKind, input);
  return Json::object();
}
Json Iam::PutUserPolicy(const Json& input, const RequestContext& ctx) {
  put(store_, ctx, kUserKind, input);
  return Json::object();
}
Json Iam::GetUserPolicy(const Json& input, const RequestContext& ctx) { return get(store_, ctx, kUserKind, input); }
Json Iam::ListUserPolicies(const Json& input, const RequestContext& ctx) {
  return list(store_, ctx, kUserKind, input, "ListUserPolicies");
}
Json Iam::DeleteUserPolicy(const Json& input, const RequestContext& ctx) {
  remove(store_, ctx, kUserKind, input);
  return Json::object();
}
Json Iam::PutGroupPolicy(const Json& input, const RequestContext& ctx) {
  put(store_, ctx, kGroupKind, input);
  return Json::object();
}
Json Iam::GetGroupPolicy(const Json& input, const RequestContext& ctx) { return get(store_, ctx, kGroupKind, input); }
Json Iam::ListGroupPolicies(const Json& input, const RequestContext& ctx) {
  return list(store_, ctx, kGroupKind, input, "ListGroupPolicies");
}
Json Iam::DeleteGroupPolicy(const Json& input, const RequestContext& ctx) {
  remove(store_, ctx, kGroupKind, input);
  return Json::object();
}

}  // namespace understudy::iam
