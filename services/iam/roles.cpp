// Roles: who may assume them (the trust policy), for how long, and their lifecycle.
#include "emulator/state/tags.hpp"
#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/paging.hpp"
#include "services/iam/policy_document.hpp"
#include "services/iam/policy_lookup.hpp"
#include "services/iam/principals.hpp"
#include "services/iam/role_view.hpp"
#include "services/iam/validation.hpp"

namespace understudy::iam {
namespace {

// IAM's default quota for a trust policy (ACLSizePerRole).
constexpr std::size_t kTrustPolicyMaxSize = 2048;

void check_boundary(const Repository& repo, const std::string& arn) {
  check_policy_arn(arn);
  if (!find_managed_policy(repo, arn))
    throw no_such_entity("Scope ARN: " + arn + " does not exist or is not attachable.");
}

void refuse_service_linked(const Json& role) {
  if (role.value("Path", "").starts_with("/aws-service-role/"))
    throw unmodifiable_entity("Cannot perform the operation on the protected role '" +
                              role["RoleName"].get<std::string>() + "' - this role is only modifiable by AWS");
}

}  // namespace

Json Iam::CreateRole(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_name(v, input, "RoleName", 64);
  check_path(v, input);
  check_description(v, input);
  check_range(v, input, "MaxSessionDuration", 3600, 43200);
  v.throw_if_any();
  state::validate_tags(input.value("Tags", Json::array()), "ValidationError");
  const std::string document = input.value("AssumeRolePolicyDocument", "");
  validate_policy_document(document, PolicyKind::Trust, kTrustPolicyMaxSize);

  Repository repo(store_, ctx);
  const std::string name = input["RoleName"];
  if (repo.get(kRoleType, lower(name))) throw entity_already_exists("Role with name " + name + " already exists.");
  if (input.contains("PermissionsBoundary")) check_boundary(repo, input["PermissionsBoundary"]);

  const std::string path = input.value("Path", "/");
  Json role = {{"RoleName", name},
               {"RoleId", unique_id("AROA")},
               {"Arn", repo.arn("role" + path + name)},
               {"Path", path},
               {"CreateDate", ctx.now},
               {"AssumeRolePolicyDocument", document},
               {"MaxSessionDuration", input.value("MaxSessionDuration", 3600)},
               {"Tags", input.value("Tags", Json::array())},
               {"AttachedPolicies", Json::array()},
               {"InlinePolicies", Json::object()},
               {"RoleLastUsed", Json::object()}};
  if (input.contains("Description")) role["Description"] = input["Description"];
  if (input.contains("PermissionsBoundary")) role["PermissionsBoundary"] = input["PermissionsBoundary"];
  save_principal(repo, kRoleKind, role);
  return {{"Role", role_view(role)}};
}

Json Iam::GetRole(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  return {{"Role", role_view(load_principal(repo, kRoleKind, principal_name(input, kRoleKind)))}};
}

Json Iam::ListRoles(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_path_prefix(v, input);
  v.throw_if_any();
  Repository repo(store_, ctx);
  const std::string prefix = input.value("PathPrefix", "/");
  std::vector<Json> roles;
  for (const Json& role : repo.list(kRoleType))
    if (role.value("Path", "/").starts_with(prefix)) roles.push_back(role_view(role, RoleDetail::Listed));
  return page(input, std::move(roles), "Roles", "ListRoles|" + prefix);
}

Json Iam::UpdateRole(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_name(v, input, "RoleName", 64);
  check_description(v, input);
  check_range(v, input, "MaxSessionDuration", 3600, 43200);
  v.throw_if_any();
  Repository repo(store_, ctx);
  Json role = load_principal(repo, kRoleKind, input["RoleName"]);
  refuse_service_linked(role);
  if (input.contains("Description")) role["Description"] = input["Description"];
  if (input.contains("MaxSessionDuration")) role["MaxSessionDuration"] = input["MaxSessionDuration"];
  save_principal(repo, kRoleKind, role);
  return Json::object();
}

Json Iam::UpdateRoleDescription(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_name(v, input, "RoleName", 64);
  check_description(v, input);
  v.throw_if_any();
  Repository repo(store_, ctx);
  Json role = load_principal(repo, kRoleKind, input["RoleName"]);
  role["Description"] = input["Description"];
  save_principal(repo, kRoleKind, role);
  return {{"Role", role_view(role)}};
}

Json Iam::UpdateAssumeRolePolicy(const Json& input, const RequestContext& ctx) {
  const std::string name = principal_name(input, kRoleKind);
  const std::string document = input.value("PolicyDocument", "");
  validate_policy_document(document, PolicyKind::Trust, kTrustPolicyMaxSize);
  Repository repo(store_, ctx);
  Json role = load_principal(repo, kRoleKind, name);
  refuse_service_linked(role);
  role["AssumeRolePolicyDocument"] = document;
  save_principal(repo, kRoleKind, role);
  return Json::object();
}

Json Iam::PutRolePermissionsBoundary(const Json& input, const RequestContext& ctx) {
  const std::string name = principal_name(input, kRoleKind);
  Repository repo(store_, ctx);
  Json role = load_principal(repo, kRoleKind, name);
  refuse_service_linked(role);
  check_boundary(repo, input["PermissionsBoundary"]);
  role["PermissionsBoundary"] = input["PermissionsBoundary"];
  save_principal(repo, kRoleKind, role);
  return Json::object();
}

Json Iam::DeleteRolePermissionsBoundary(const Json& input, const RequestContext& ctx) {
  const std::string name = principal_name(input, kRoleKind);
  Repository repo(store_, ctx);
  Json role = load_principal(repo, kRoleKind, name);
  refuse_service_linked(role);
  role.erase("PermissionsBoundary");
  save_principal(repo, kRoleKind, role);
  return Json::object();
}

Json Iam::DeleteRole(const Json& input, const RequestContext& ctx) {
  const std::string name = principal_name(input, kRoleKind);
  Repository repo(store_, ctx);
  Json role = load_principal(repo, kRoleKind, name);
  refuse_service_linked(role);
  for (const Json& profile : repo.list(kInstanceProfileType))
    for (const Json& member : profile.value("Roles", Json::array()))
      if (lower(member.get<std::string>()) == lower(name))
        throw delete_conflict("Cannot delete entity, must remove roles from instance profile first.");
  if (!role.value("AttachedPolicies", Json::array()).empty())
    throw delete_conflict("Cannot delete entity, must detach all policies first.");
  if (!role.value("InlinePolicies", Json::object()).empty())
    throw delete_conflict("Cannot delete entity, must delete policies first.");
  repo.erase(kRoleType, lower(name));
  return Json::object();
}

}  // namespace understudy::iam
