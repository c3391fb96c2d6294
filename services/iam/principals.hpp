#pragma once
// Roles, users and groups share what policies hang on them: attached managed policies
// (a list of ARNs) and inline policies (name -> document) in their stored body. This
// says which of the three an operation is about and how IAM names it in messages.
#include <string>

#include "emulator/core/json.hpp"
#include "services/iam/repository.hpp"

namespace understudy::iam {

struct PrincipalKind {
  const char* type;         // store type: "role"
  const char* name_member;  // input member naming it: "RoleName"
  const char* noun;         // in messages: "role"
  std::size_t max_name_length;
};

inline constexpr PrincipalKind kRoleKind{kRoleType, "RoleName", "role", 64};
inline constexpr PrincipalKind kUserKind{kUserType, "UserName", "user", 64};
inline constexpr PrincipalKind kGroupKind{kGroupType, "GroupName", "group", 128};

// The stored body, or NoSuchEntity "The role with name X cannot be found."
Json load_principal(const Repository& repo, const PrincipalKind& kind, const std::string& name);
void save_principal(Repository& repo, const PrincipalKind& kind, const Json& body);
// The name from the input, checked against IAM's name rules.
std::string principal_name(const Json& input, const PrincipalKind& kind);

// "AROA" + 17 characters of [A-Z0-9], as IAM's unique ids.
std::string unique_id(const std::string& prefix);

}  // namespace understudy::iam
