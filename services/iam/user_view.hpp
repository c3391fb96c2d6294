#pragma once
// A stored user as IAM's User structure (ListUsers leaves the tags out).
#include "emulator/core/json.hpp"

namespace understudy::iam {

Json user_view(const Json& user, bool with_tags);

}  // namespace understudy::iam
