// Managed policies: the account's own, next to AWS's built-in ones.
#include <algorithm>

#include "emulator/state/tags.hpp"
#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/paging.hpp"
#include "services/iam/policy_document.hpp"
#include "services/iam/policy_lookup.hpp"
#include "services/iam/principals.hpp"
#include "services/iam/validation.hpp"

namespace understudy::iam {
namespace {

// IAM's quota for a managed policy document (PolicySize), whitespace not counted.
constexpr std::size_t kManagedPolicyMaxSize = 6144;

bool references(const Json& principal, const std::string& arn, const std::string& usage) {
  if (usage == "PermissionsBoundary") return principal.value("PermissionsBoundary", "") == arn;
  for (const Json& a : principal.value("AttachedPolicies", Json::array()))
    if (a == arn) return true;
  return false;
}

void check_enum(Violations& v, const Json& input, const std::string& member, const std::string& wire_member,
                std::initializer_list<const char*> allowed, const std::string& shown) {
  auto it = input.find(member);
  if (it == input.end() || !it->is_string()) return;
  for (const char* a : allowed)
    if (*it == a) return;
  v.add(it->get<std::string>(), wire_member, "Member must satisfy enum value set: [" + shown + "]");
}

}  // namespace

Json Iam::CreatePolicy(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_name(v, input, "PolicyName", 128);
  check_path(v, input);
  check_description(v, input);
  v.throw_if_any();
  state::validate_tags(input.value("Tags", Json::array()), "ValidationError");
  const std::string document = input.value("PolicyDocument", "");
  validate_policy_document(document, PolicyKind::Identity, kManagedPolicyMaxSize);

  Repository repo(store_, ctx);
  const std::string name = input["PolicyName"];
  if (repo.get(kPolicyType, lower(name)))
    throw entity_already_exists("A policy called " + name + " already exists. Duplicate names are not allowed.");
  const std::string path = input.value("Path", "/");
  ManagedPolicy policy = {
      {"PolicyName", name},
      {"PolicyId", unique_id("ANPA")},
      {"Arn", repo.arn("policy" + path + name)},
      {"Path", path},
      {"CreateDate", ctx.now},
      {"UpdateDate", ctx.now},
      {"DefaultVersionId", "v1"},
      {"Tags", input.value("Tags", Json::array())},
      {"Versions",
       {{{"VersionId", "v1"}, {"Document", document}, {"IsDefaultVersion", true}, {"CreateDate", ctx.now}}}},
      {"NextVersion", 2}};
  if (input.contains("Description")) policy["Description"] = input["Description"];
  save_customer_policy(repo, policy);
  // CreatePolicy answers without the description, as IAM does.
  Json view = policy_view(repo, policy, PolicyDetail::Full);
  view.erase("Description");
  return {{"Policy", view}};
}

Json Iam::GetPolicy(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  return {{"Policy", policy_view(repo, load_managed_policy(repo, input["PolicyArn"]), PolicyDetail::Full)}};
}

Json Iam::ListPolicies(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_enum(v, input, "Scope", "scope", {"All", "AWS", "Local"}, "All, AWS, Local");
  check_enum(v, input, "PolicyUsageFilter", "policyUsageFilter", {"PermissionsPolicy", "PermissionsBoundary"},
             "PermissionsPolicy, PermissionsBoundary");
  check_path_prefix(v, input);
  v.throw_if_any();
  Repository repo(store_, ctx);
  const std::string scope = input.value("Scope", "All");
  const std::string prefix = input.value("PathPrefix", "/");
  const bool only_attached = input.value("OnlyAttached", false);

  std::vector<ManagedPolicy> candidates;
  if (scope != "AWS")
    for (Json& p : repo.list(kPolicyType)) candidates.push_back(std::move(p));
  if (scope != "Local")
    for (const AwsManagedPolicy& builtin : aws_managed_policies()) candidates.push_back(aws_policy_record(builtin));
  std::sort(candidates.begin(), candidates.end(), [](const Json& a, const Json& b) {
    return lower(a["PolicyName"].get<std::string>()) < lower(b["PolicyName"].get<std::string>());
  });

  std::vector<Json> policies;
  for (const ManagedPolicy& p : candidates) {
    if (!p["Path"].get<std::string>().starts_with(prefix)) continue;
    Json view = policy_view(repo, p, PolicyDetail::Listed);
    if (only_attached && view["AttachmentCount"] == 0) continue;
    policies.push_back(std::move(view));
  }
  return page(input, std::move(policies), "Policies",
              "ListPolicies|" + scope + "|" + prefix + "|" + (only_attached ? "1" : "0"));
}

Json Iam::DeletePolicy(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  const std::string arn = input["PolicyArn"];
  ManagedPolicy policy = load_customer_policy(repo, arn);
  if (attachment_count(repo, arn) > 0) throw delete_conflict("Cannot delete a policy attached to entities.");
  if (policy["Versions"].size() > 1)
    throw delete_conflict(
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. "
        "The default version is deleted with the policy.");
  repo.erase(kPolicyType, lower(policy["PolicyName"].get<std::string>()));
  return Json::object();
}

Json Iam::ListEntitiesForPolicy(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_enum(v, input, "EntityFilter", "entityFilter",
             {"User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"},
             "User, Role, Group, LocalManagedPolicy, AWSManagedPolicy");
  check_path_prefix(v, input);
  v.throw_if_any();
  Repository repo(store_, ctx);
  const std::string arn = input["PolicyArn"];
  load_managed_policy(repo, arn);
  const std::string filter = input.value("EntityFilter", "");
  const std::string usage = input.value("PolicyUsageFilter", "PermissionsPolicy");
  const std::string prefix = input.value("PathPrefix", "/");
  Json out = {{"PolicyRoles", Json::array()},
              {"PolicyUsers", Json::array()},
              {"PolicyGroups", Json::array()},
              {"IsTruncated", false}};
  struct Listing {
    const PrincipalKind& kind;
    const char* member;
    const char* id_member;
    const char* out_name;
    const char* out_id;
  };
  const Listing listings[] = {{kRoleKind, "RoleName", "RoleId", "PolicyRoles", "RoleId"},
                              {kUserKind, "UserName", "UserId", "PolicyUsers", "UserId"},
                              {kGroupKind, "GroupName", "GroupId", "PolicyGroups", "GroupId"}};
  const char* filter_names[] = {"Role", "User", "Group"};
  for (std::size_t i = 0; i < 3; ++i) {
    if (!filter.empty() && filter != filter_names[i]) continue;
    for (const Json& p : repo.list(listings[i].kind.type)) {
      if (!p.value("Path", "/").starts_with(prefix) || !references(p, arn, usage)) continue;
      out[listings[i].out_name].push_back(
          {{listings[i].member, p[listings[i].member]}, {listings[i].out_id, p[listings[i].id_member]}});
    }
  }
  return out;
}

}  // namespace understudy::iam
