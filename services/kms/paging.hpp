#pragma once
// KMS's paging: Limit and Marker in, NextMarker and Truncated out.
#include <string>

#include "emulator/core/json.hpp"

namespace understudy::kms {

// One page of `items` (a JSON list) under `list_name`. `fingerprint` names the query, so
// that a marker from another query is refused (InvalidMarkerException).
Json page_of(const Json& items, const Json& input, const std::string& list_name, const std::string& fingerprint,
             int max_limit, int default_limit);

}  // namespace understudy::kms
