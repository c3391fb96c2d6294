#pragma once
// Tags as AWS keeps them, with AWS's limits: at most 50 per resource, keys 1-128 and
// values 0-256 characters, keys not starting with "aws:".
#include <string>

#include "emulator/core/json.hpp"

namespace understudy::state {

// `tags` is a list of {"Key","Value"}. Throws AwsError(`error_code`) naming the rule
// broken. Services pass their own error code (ValidationException,
// InvalidParameterException, InvalidParameterValue, ...).
void validate_tags(const Json& tags, const std::string& error_code = "ValidationException");
// Adds or replaces tags by key in a list of {"Key","Value"}, keeping order; checks the
// 50-tag limit on the result.
Json merge_tags(const Json& existing, const Json& added, const std::string& error_code = "ValidationException");
Json remove_tag_keys(const Json& existing, const Json& keys);
// {"Key":..,"Value":..} list <-> {"key": "value"} object
Json tags_to_map(const Json& tag_list);
Json map_to_tags(const Json& tag_map);

}  // namespace understudy::state
