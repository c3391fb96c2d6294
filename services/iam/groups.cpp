// IAM groups: users that share policies.
#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/paging.hpp"
#include "services/iam/principals.hpp"
#include "services/iam/user_view.hpp"
#include "services/iam/validation.hpp"

namespace understudy::iam {
namespace {

Json group_view(const Json& group) {
  return {{"Path", group["Path"]},
          {"GroupName", group["GroupName"]},
          {"GroupId", group["GroupId"]},
          {"Arn", group["Arn"]},
          {"CreateDate", group["CreateDate"]}};
}

bool has_member(const Json& group, const std::string& user) {
  for (const Json& m : group.value("Users", Json::array()))
    if (lower(m.get<std::string>()) == lower(user)) return true;
  return false;
}

}  // namespace

Json Iam::CreateGroup(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_name(v, input, "GroupName", 128);
  check_path(v, input);
  v.throw_if_any();
  Repository repo(store_, ctx);
  const std::string name = input["GroupName"];
  if (repo.get(kGroupType, lower(name))) throw entity_already_exists("Group with name " + name + " already exists.");
  const std::string path = input.value("Path", "/");
  Json group = {{"GroupName", name},
                {"GroupId", unique_id("AGPA")},
                {"Arn", repo.arn("group" + path + name)},
                {"Path", path},
                {"CreateDate", ctx.now},
                {"Users", Json::array()},
                {"AttachedPolicies", Json::array()},
                {"InlinePolicies", Json::object()}};
  save_principal(repo, kGroupKind, group);
  return {{"Group", group_view(group)}};
}

Json Iam::GetGroup(const Json& input, const RequestContext& ctx) {
  const std::string name = principal_name(input, kGroupKind);
  Repository repo(store_, ctx);
  Json group = load_principal(repo, kGroupKind, name);
  std::vector<Json> users;
  for (const Json& member : group.value("Users", Json::array()))
    if (auto user = repo.get(kUserType, lower(member.get<std::string>()))) users.push_back(user_view(*user, false));
  Json out = page(input, std::move(users), "Users", "GetGroup|" + lower(name));
  out["Group"] = group_view(group);
  return out;
}

Json Iam::ListGroups(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_path_prefix(v, input);
  v.throw_if_any();
  Repository repo(store_, ctx);
  const std::string prefix = input.value("PathPrefix", "/");
  std::vector<Json> groups;
  for (const Json& g : repo.list(kGroupType))
    if (g.value("Path", "/").starts_with(prefix)) groups.push_back(group_view(g));
  return page(input, std::move(groups), "Groups", "ListGroups|" + prefix);
}

Json Iam::DeleteGroup(const Json& input, const RequestContext& ctx) {
  const std::string name = principal_name(input, kGroupKind);
  Repository repo(store_, ctx);
  Json group = load_principal(repo, kGroupKind, name);
  if (!group.value("Users", Json::array()).empty())
    throw delete_conflict("Cannot delete entity, must remove users from group first.");
  if (!group.value("AttachedPolicies", Json::array()).empty())
    throw delete_conflict("Cannot delete entity, must detach all policies first.");
  if (!group.value("InlinePolicies", Json::object()).empty())
    throw delete_conflict("Cannot delete entity, must delete policies first.");
  repo.erase(kGroupType, lower(name));
  return Json::object();
}

Json Iam::AddUserToGroup(const Json& input, const RequestContext& ctx) {
  const std::string group_name = principal_name(input, kGroupKind);
  const std::string user_name = principal_name(input, kUserKind);
  Repository repo(store_, ctx);
  Json group = load_principal(repo, kGroupKind, group_name);
  Json user = load_principal(repo, kUserKind, user_name);
  if (has_member(group, user_name)) return Json::object();
  group["Users"].push_back(user["UserName"]);
  save_principal(repo, kGroupKind, group);
  return Json::object();
}

Json Iam::RemoveUserFromGroup(const Json& input, const RequestContext& ctx) {
  const std::string group_name = principal_name(input, kGroupKind);
  const std::string user_name = principal_name(input, kUserKind);
  Repository repo(store_, ctx);
  Json group = load_principal(repo, kGroupKind, group_name);
  load_principal(repo, kUserKind, user_name);
  if (!has_member(group, user_name)) throw no_such_entity("User " + user_name + " is not in group " + group_name + ".");
  Json kept = Json::array();
  for (const Json& m : group["Users"])
    if (lower(m.get<std::string>()) != lower(user_name)) kept.push_back(m);
  group["Users"] = std::move(kept);
  save_principal(repo, kGroupKind, group);
  return Json::object();
}

Json Iam::ListGroupsForUser(const Json& input, const RequestContext& ctx) {
  const std::string user_name = principal_name(input, kUserKind);
  Repository repo(store_, ctx);
  load_principal(repo, kUserKind, user_name);
  std::vector<Json> groups;
  for (const Json& g : repo.list(kGroupType))
    if (has_member(g, user_name)) groups.push_back(group_view(g));
  return page(input, std::move(groups), "Groups", "ListGroupsForUser|" + lower(user_name));
}

}  // namespace understudy::iam
