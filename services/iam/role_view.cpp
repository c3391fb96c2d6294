#include "services/iam/role_view.hpp"

#include "services/iam/policy_document.hpp"

namespace understudy::iam {

Json role_view(const Json& stored, RoleDetail detail) {
  Json role = {{"Path", stored["Path"]},
               {"RoleName", stored["RoleName"]},
               {"RoleId", stored["RoleId"]},
               {"Arn", stored["Arn"]},
               {"CreateDate", stored["CreateDate"]},
               {"AssumeRolePolicyDocument", url_encode(stored.value("AssumeRolePolicyDocument", ""))},
               {"MaxSessionDuration", stored.value("MaxSessionDuration", 3600)}};
  if (stored.contains("Description")) role["Description"] = stored["Description"];
  if (detail == RoleDetail::Listed) return role;
  if (stored.contains("PermissionsBoundary"))
    role["PermissionsBoundary"] = {{"PermissionsBoundaryType", "Policy"},
                                   {"PermissionsBoundaryArn", stored["PermissionsBoundary"]}};
  if (stored.contains("Tags") && !stored["Tags"].empty()) role["Tags"] = stored["Tags"];
  role["RoleLastUsed"] = stored.value("RoleLastUsed", Json::object());
  return role;
}

}  // namespace understudy::iam
