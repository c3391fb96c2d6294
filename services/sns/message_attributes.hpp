#pragma once
// Publish's MessageAttributes: the checks SNS makes of them, and their shape in the
// JSON envelope of a notification.
#include "emulator/core/json.hpp"

namespace understudy::sns {

// Throws ParameterValueInvalid / InvalidParameter with AWS's wording.
void validate_message_attributes(const Json& attributes);
// {"name": {"Type": "String", "Value": "..."}}; Binary values stay base64.
Json envelope_attributes(const Json& attributes);

}  // namespace understudy::sns
