#pragma once
// KMS names a tag's parts TagKey and TagValue; the store keeps the shared {Key, Value}.
#include "emulator/core/json.hpp"

namespace understudy::kms {

// Validates (TagException, AWS's limits) and converts a TagList to {Key, Value} pairs.
Json tags_from_kms(const Json& kms_tags);
Json tags_to_kms(const Json& tags);

}  // namespace understudy::kms
