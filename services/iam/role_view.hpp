#pragma once
// A stored role as IAM's Role structure. Lists leave out what only GetRole shows.
#include "emulator/core/json.hpp"

namespace understudy::iam {

enum class RoleDetail { Full, Listed };

Json role_view(const Json& stored, RoleDetail detail = RoleDetail::Full);

}  // namespace understudy::iam
