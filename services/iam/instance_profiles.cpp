// Instance profiles: the container that hands one role to an EC2 instance.
#include "emulator/state/tags.hpp"
#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/instance_profile_lookup.hpp"
#include "services/iam/paging.hpp"
#include "services/iam/principals.hpp"
#include "services/iam/role_view.hpp"
#include "services/iam/validation.hpp"

namespace understudy::iam {
namespace {

Json profile_view(const Repository& repo, const Json& profile) {
  Json view = {{"InstanceProfileName", profile["InstanceProfileName"]},
               {"InstanceProfileId", profile["InstanceProfileId"]},
               {"Arn", profile["Arn"]},
               {"Path", profile["Path"]},
               {"CreateDate", profile["CreateDate"]},
               {"Roles", Json::array()}};
  for (const Json& name : profile.value("Roles", Json::array()))
    if (auto role = repo.get(kRoleType, lower(name.get<std::string>())))
      view["Roles"].push_back(role_view(*role, RoleDetail::Listed));
  if (!profile.value("Tags", Json::array()).empty()) view["Tags"] = profile["Tags"];
  return view;
}

bool holds_role(const Json& profile, const std::string& role_name) {
  for (const Json& r : profile.value("Roles", Json::array()))
    if (lower(r.get<std::string>()) == lower(role_name)) return true;
  return false;
}

}  // namespace

Json load_instance_profile(const Repository& repo, const std::string& name) {
  auto profile = repo.get(kInstanceProfileType, lower(name));
  if (!profile) throw no_such_entity("Instance Profile " + name + " cannot be found.");
  return *profile;
}

void save_instance_profile(Repository& repo, const Json& profile) {
  repo.put(kInstanceProfileType, lower(profile["InstanceProfileName"].get<std::string>()), profile);
}

std::string instance_profile_name(const Json& input) {
  require_name(input, "InstanceProfileName", 128);
  return input.value("InstanceProfileName", "");
}

Json Iam::CreateInstanceProfile(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_name(v, input, "InstanceProfileName", 128);
  check_path(v, input);
  v.throw_if_any();
  state::validate_tags(input.value("Tags", Json::array()), "ValidationError");
  Repository repo(store_, ctx);
  const std::string name = input["InstanceProfileName"];
  if (repo.get(kInstanceProfileType, lower(name)))
    throw entity_already_exists("Instance Profile " + name + " already exists.");
  const std::string path = input.value("Path", "/");
  Json profile = {{"InstanceProfileName", name},
                  {"InstanceProfileId", unique_id("AIPA")},
                  {"Arn", repo.arn("instance-profile" + path + name)},
                  {"Path", path},
                  {"CreateDate", ctx.now},
                  {"Roles", Json::array()},
                  {"Tags", input.value("Tags", Json::array())}};
  save_instance_profile(repo, profile);
  return {{"InstanceProfile", profile_view(repo, profile)}};
}

Json Iam::GetInstanceProfile(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  return {{"InstanceProfile", profile_view(repo, load_instance_profile(repo, instance_profile_name(input)))}};
}

Json Iam::ListInstanceProfiles(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_path_prefix(v, input);
  v.throw_if_any();
  Repository repo(store_, ctx);
  const std::string prefix = input.value("PathPrefix", "/");
  std::vector<Json> profiles;
  for (const Json& p : repo.list(kInstanceProfileType))
    if (p.value("Path", "/").starts_with(prefix)) profiles.push_back(profile_view(repo, p));
  return page(input, std::move(profiles), "InstanceProfiles", "ListInstanceProfiles|" + prefix);
}

Json Iam::DeleteInstanceProfile(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  Json profile = load_instance_profile(repo, instance_profile_name(input));
  if (!profile.value("Roles", Json::array()).empty())
    throw delete_conflict("Cannot delete entity, must remove roles from instance profile first.");
  repo.erase(kInstanceProfileType, lower(profile["InstanceProfileName"].get<std::string>()));
  return Json::object();
}

Json Iam::AddRoleToInstanceProfile(const Json& input, const RequestContext& ctx) {
  const std::string profile_name = instance_profile_name(input);
  const std::string role_name = principal_name(input, kRoleKind);
  Repository repo(store_, ctx);
  Json profile = load_instance_profile(repo, profile_name);
  Json role = load_principal(repo, kRoleKind, role_name);
  // An instance profile holds one role; IAM reports a second as a quota breach.
  if (!profile.value("Roles", Json::array()).empty())
    throw limit_exceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
  profile["Roles"] = Json::array({role["RoleName"]});
  save_instance_profile(repo, profile);
  return Json::object();
}

Json Iam::RemoveRoleFromInstanceProfile(const Json& input, const RequestContext& ctx) {
  const std::string profile_name = instance_profile_name(input);
  const std::string role_name = principal_name(input, kRoleKind);
  Repository repo(store_, ctx);
  Json profile = load_instance_profile(repo, profile_name);
  load_principal(repo, kRoleKind, role_name);
  if (!holds_role(profile, role_name))
    throw no_such_entity("The role with name " + role_name + " cannot be found in instance profile " + profile_name +
                         ".");
  Json kept = Json::array();
  for (const Json& r : profile["Roles"])
    if (lower(r.get<std::string>()) != lower(role_name)) kept.push_back(r);
  profile["Roles"] = std::move(kept);
  save_instance_profile(repo, profile);
  return Json::object();
}

Json Iam::ListInstanceProfilesForRole(const Json& input, const RequestContext& ctx) {
  const std::string role_name = principal_name(input, kRoleKind);
  Repository repo(store_, ctx);
  load_principal(repo, kRoleKind, role_name);
  std::vector<Json> profiles;
  for (const Json& p : repo.list(kInstanceProfileType))
    if (holds_role(p, role_name)) profiles.push_back(profile_view(repo, p));
  return page(input, std::move(profiles), "InstanceProfiles", "ListInstanceProfilesForRole|" + lower(role_name));
}

}  // namespace understudy::iam
