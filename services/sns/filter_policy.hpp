#pragma once
// Subscription filter policies, applied when a message is delivered: keys are ANDed, the
// values listed for a key are ORed, and each value is an exact string or number, or one
// of the operators prefix, suffix, equals-ignore-case, anything-but, numeric and exists.
// "$or" joins whole sub-policies.
#include <string>

#include "emulator/core/json.hpp"

namespace understudy::sns {

enum class FilterScope { message_attributes, message_body };

FilterScope parse_filter_scope(const std::string& text);  // throws InvalidParameter
// Throws InvalidParameter ("Invalid parameter: FilterPolicy: ...") for a policy SNS would
// refuse.
void validate_filter_policy(const std::string& policy, FilterScope scope);

// `message_attributes`: Publish's MessageAttributes ({"name": {"DataType", "StringValue"|
// "BinaryValue"}}); `message`: the message body, matched when the scope is MessageBody.
bool filter_policy_matches(const std::string& policy, FilterScope scope, const Json& message_attributes,
                           const std::string& message);

}  // namespace understudy::sns
