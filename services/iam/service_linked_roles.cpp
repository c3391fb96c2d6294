// Service-linked roles: roles that an AWS service owns in the account, named after the
// service, under /aws-service-role/<service>/, and deleted through a deletion task.
#include <array>
#include <cctype>

#include "emulator/state/ids.hpp"
#include "services/iam/aws_managed_policies.hpp"
#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/principals.hpp"
#include "services/iam/role_view.hpp"
#include "services/iam/validation.hpp"

namespace understudy::iam {
namespace {

struct LinkedService {
  std::string_view principal;
  std::string_view role_suffix;  // AWSServiceRoleFor<suffix>
  std::string_view policy_arn;   // attached to the role; empty for none
};

constexpr std::array<LinkedService, 10> kLinkedServices{{
    {"eks.amazonaws.com", "AmazonEKS", "arn:aws:iam::aws:policy/aws-service-role/AmazonEKSServiceRolePolicy"},
    {"eks-nodegroup.amazonaws.com", "AmazonEKSNodegroup", ""},
    {"eks-fargate.amazonaws.com", "AmazonEKSForFargate", ""},
    {"rds.amazonaws.com", "RDS", ""},
    {"elasticache.amazonaws.com", "ElastiCache", ""},
    {"backup.amazonaws.com", "Backup", ""},
    {"autoscaling.amazonaws.com", "AutoScaling", ""},
    {"elasticloadbalancing.amazonaws.com", "ElasticLoadBalancing", ""},
    {"ecs.amazonaws.com", "ECS", ""},
    {"spot.amazonaws.com", "EC2Spot", ""},
}};

constexpr std::string_view kPrincipalSuffix = ".amazonaws.com";

// Services we have no entry for get their prefix in PascalCase: "foo-bar" -> "FooBar".
std::string pascal_case(std::string_view prefix) {
  std::string out;
  bool upper = true;
  for (char c : prefix) {
    if (c == '-' || c == '.') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

LinkedService linked_service(const std::string& principal) {
  for (const LinkedService& s : kLinkedServices)
    if (s.principal == principal) return s;
  return {principal, "", ""};
}

std::string trust_policy(const std::string& principal) {
  return Json{
      {"Version", "2012-10-17"},
      {"Statement", {{{"Effect", "Allow"}, {"Principal", {{"Service", principal}}}, {"Action", "sts:AssumeRole"}}}}}
      .dump();
}

}  // namespace

Json Iam::CreateServiceLinkedRole(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_description(v, input);
  v.throw_if_any();
  const std::string principal = input["AWSServiceName"];
  if (principal.size() <= kPrincipalSuffix.size() || !principal.ends_with(kPrincipalSuffix))
    throw invalid_input("Invalid service principal " + principal + ".");
  LinkedService service = linked_service(principal);
  std::string suffix =
      service.role_suffix.empty()
          ? pascal_case(std::string_view(principal).substr(0, principal.size() - kPrincipalSuffix.size()))
          : std::string(service.role_suffix);
  std::string name = "AWSServiceRoleFor" + suffix;
  if (input.contains("CustomSuffix")) name += "_" + input["CustomSuffix"].get<std::string>();
  if (name.size() > 64) throw invalid_input("The role name " + name + " is too long.");

  Repository repo(store_, ctx);
  if (repo.get(kRoleType, lower(name)))
    throw invalid_input("Service role name " + name +
                        " has been taken in this account, please try a different suffix.");
  const std::string path = "/aws-service-role/" + principal + "/";
  Json role = {{"RoleName", name},
               {"RoleId", unique_id("AROA")},
               {"Arn", repo.arn("role" + path + name)},
               {"Path", path},
               {"CreateDate", ctx.now},
               {"AssumeRolePolicyDocument", trust_policy(principal)},
               {"MaxSessionDuration", 3600},
               {"Tags", Json::array()},
               {"AttachedPolicies", Json::array()},
               {"InlinePolicies", Json::object()},
               {"RoleLastUsed", Json::object()}};
  if (!service.policy_arn.empty()) role["AttachedPolicies"].push_back(service.policy_arn);
  if (input.contains("Description")) role["Description"] = input["Description"];
  save_principal(repo, kRoleKind, role);
  return {{"Role", role_view(role)}};
}

Json Iam::DeleteServiceLinkedRole(const Json& input, const RequestContext& ctx) {
  const std::string name = principal_name(input, kRoleKind);
  Repository repo(store_, ctx);
  Json role = load_principal(repo, kRoleKind, name);
  const std::string path = role["Path"];
  if (!path.starts_with("/aws-service-role/"))
    throw invalid_input("Role " + name + " is not a service-linked role and cannot be deleted this way.");
  // Nothing in the emulator uses the role, so the task succeeds at once.
  const std::string task_id = "task" + path + role["RoleName"].get<std::string>() + "/" + state::uuid4();
  repo.put(kDeletionTaskType, task_id, {{"DeletionTaskId", task_id}, {"Status", "SUCCEEDED"}});
  repo.erase(kRoleType, lower(name));
  return {{"DeletionTaskId", task_id}};
}

Json Iam::GetServiceLinkedRoleDeletionStatus(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  const std::string task_id = input["DeletionTaskId"];
  auto task = repo.get(kDeletionTaskType, task_id);
  if (!task) throw no_such_entity("Deletion task " + task_id + " cannot be found.");
  return {{"Status", (*task)["Status"]}};
}

}  // namespace understudy::iam
