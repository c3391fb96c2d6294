#pragma once
// SNS's errors, with the codes (the query protocol's, not the SDK's class names) and
// wording AWS uses.
#include <string>

#include "emulator/core/aws_error.hpp"

namespace understudy::sns {

// "Invalid parameter: <what>", code InvalidParameter.
AwsError invalid_parameter(const std::string& what);
// Code ParameterValueInvalid (the SDKs' InvalidParameterValueException).
AwsError invalid_parameter_value(std::string message);
AwsError topic_not_found();
AwsError subscription_not_found();
AwsError resource_not_found();
AwsError authorization_error(const std::string& account, const std::string& action, const std::string& resource);

}  // namespace understudy::sns
