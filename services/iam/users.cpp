// IAM users: long-lived identities with access keys, policies and group memberships.
#include "emulator/state/tags.hpp"
#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/paging.hpp"
#include "services/iam/principals.hpp"
#include "services/iam/user_view.hpp"
#include "services/iam/validation.hpp"

namespace understudy::iam {

Json user_view(const Json& user, bool with_tags) {
  Json view = {{"Path", user["Path"]},
               {"UserName", user["UserName"]},
               {"UserId", user["UserId"]},
               {"Arn", user["Arn"]},
               {"CreateDate", user["CreateDate"]}};
  if (user.contains("PermissionsBoundary"))
    view["PermissionsBoundary"] = {{"PermissionsBoundaryType", "Policy"},
                                   {"PermissionsBoundaryArn", user["PermissionsBoundary"]}};
  if (with_tags && !user.value("Tags", Json::array()).empty()) view["Tags"] = user["Tags"];
  return view;
}

Json Iam::CreateUser(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_name(v, input, "UserName", 64);
  check_path(v, input);
  v.throw_if_any();
  state::validate_tags(input.value("Tags", Json::array()), "ValidationError");
  Repository repo(store_, ctx);
  const std::string name = input["UserName"];
  if (repo.get(kUserType, lower(name))) throw entity_already_exists("User with name " + name + " already exists.");
  const std::string path = input.value("Path", "/");
  Json user = {{"UserName", name},
               {"UserId", unique_id("AIDA")},
               {"Arn", repo.arn("user" + path + name)},
               {"Path", path},
               {"CreateDate", ctx.now},
               {"Tags", input.value("Tags", Json::array())},
               {"AttachedPolicies", Json::array()},
               {"InlinePolicies", Json::object()}};
  if (input.contains("PermissionsBoundary")) user["PermissionsBoundary"] = input["PermissionsBoundary"];
  save_principal(repo, kUserKind, user);
  return {{"User", user_view(user, true)}};
}

Json Iam::GetUser(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  if (input.contains("UserName"))
    return {{"User", user_view(load_principal(repo, kUserKind, input["UserName"]), true)}};
  // No name: the caller. A key we issued belongs to its user; anything else is the root.
  if (auto key = repo.get(kAccessKeyType, ctx.access_key_id))
    return {{"User", user_view(load_principal(repo, kUserKind, (*key)["UserName"]), true)}};
  return {{"User", {{"UserId", repo.account()}, {"Arn", repo.arn("root")}, {"CreateDate", 0}, {"Path", "/"}}}};
}

Json Iam::ListUsers(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_path_prefix(v, input);
  v.throw_if_any();
  Repository repo(store_, ctx);
  const std::string prefix = input.value("PathPrefix", "/");
  std::vector<Json> users;
  for (const Json& u : repo.list(kUserType))
    if (u.value("Path", "/").starts_with(prefix)) users.push_back(user_view(u, false));
  return page(input, std::move(users), "Users", "ListUsers|" + prefix);
}

Json Iam::UpdateUser(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_name(v, input, "UserName", 64);
  check_name(v, input, "NewUserName", 64);
  check_path(v, input, "NewPath");
  v.throw_if_any();
  Repository repo(store_, ctx);
  const std::string name = input["UserName"];
  Json user = load_principal(repo, kUserKind, name);
  const std::string new_name = input.value("NewUserName", user["UserName"].get<std::string>());
  const std::string new_path = input.value("NewPath", user["Path"].get<std::string>());
  if (lower(new_name) != lower(name) && repo.get(kUserType, lower(new_name)))
    throw entity_already_exists("User with name " + new_name + " already exists.");
  repo.erase(kUserType, lower(name));
  user["UserName"] = new_name;
  user["Path"] = new_path;
  user["Arn"] = repo.arn("user" + new_path + new_name);
  save_principal(repo, kUserKind, user);
  // Keys and memberships name the user; they follow the rename.
  for (Json key : repo.list(kAccessKeyType))
    if (lower(key["UserName"].get<std::string>()) == lower(name)) {
      key["UserName"] = new_name;
      repo.put(kAccessKeyType, key["AccessKeyId"], key);
    }
  for (Json group : repo.list(kGroupType)) {
    bool changed = false;
    for (Json& member : group["Users"])
      if (lower(member.get<std::string>()) == lower(name)) {
        member = new_name;
        changed = true;
      }
    if (changed) save_principal(repo, kGroupKind, group);
  }
  return Json::object();
}

Json Iam::DeleteUser(const Json& input, const RequestContext& ctx) {
  const std::string name = principal_name(input, kUserKind);
  Repository repo(store_, ctx);
  Json user = load_principal(repo, kUserKind, name);
  for (const Json& key : repo.list(kAccessKeyType))
    if (lower(key["UserName"].get<std::string>()) == lower(name))
      throw delete_conflict("Cannot delete entity, must delete access keys first.");
  for (const Json& group : repo.list(kGroupType))
    for (const Json& member : group.value("Users", Json::array()))
      if (lower(member.get<std::string>()) == lower(name))
        throw delete_conflict("Cannot delete entity, must remove user from all groups first.");
  if (!user.value("AttachedPolicies", Json::array()).empty())
    throw delete_conflict("Cannot delete entity, must detach all policies first.");
  if (!user.value("InlinePolicies", Json::object()).empty())
    throw delete_conflict("Cannot delete entity, must delete policies first.");
  repo.erase(kUserType, lower(name));
  return Json::object();
}

}  // namespace understudy::iam
