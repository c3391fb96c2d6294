#include "services/sns/errors.hpp"

namespace understudy::sns {

AwsError invalid_parameter(const std::string& what) {
  return AwsError("InvalidParameter", "Invalid parameter: " + what);
}
AwsError invalid_parameter_value(std::string message) { return AwsError("ParameterValueInvalid", std::move(message)); }
AwsError topic_not_found() { return AwsError("NotFound", "Topic does not exist", 404); }
AwsError subscription_not_found() { return AwsError("NotFound", "Subscription does not exist", 404); }
AwsError resource_not_found() { return AwsError("ResourceNotFound", "Resource does not exist", 404); }
AwsError authorization_error(const std::string& account, const std::string& action, const std::string& resource) {
  return AwsError("AuthorizationError",
                  "User: arn:aws:iam::" + account + ":root is not authorized to perform: SNS:" + action +
                      " on resource: " + resource,
                  403);
}

}  // namespace understudy::sns
