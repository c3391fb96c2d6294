#pragma once
// IAM's pagination: MaxItems (1-1000, default 100) and an opaque Marker; a page that
// stops early says IsTruncated=true and carries the Marker for the next one.
#include <string>
#include <vector>

#include "emulator/core/json.hpp"

namespace understudy::iam {

// Returns {list_member: [...], "IsTruncated": bool, "Marker"?: string}. `query` names the
// listing (operation and filters) so that a marker from another listing is refused.
Json page(const Json& input, std::vector<Json> items, const std::string& list_member, const std::string& query);

}  // namespace understudy::iam
