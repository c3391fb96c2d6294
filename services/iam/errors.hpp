#pragma once
// IAM's error vocabulary (query protocol). IAM speaks of "ValidationError", not
// "ValidationException", and answers conflicts and limits with 409.
#include <string>
#include <vector>

#include "emulator/core/aws_error.hpp"
#include "emulator/core/json.hpp"

namespace understudy::iam {

inline AwsError no_such_entity(std::string message) { return AwsError("NoSuchEntity", std::move(message), 404); }
inline AwsError entity_already_exists(std::string message) {
  return AwsError("EntityAlreadyExists", std::move(message), 409);
}
inline AwsError delete_conflict(std::string message) { return AwsError("DeleteConflict", std::move(message), 409); }
inline AwsError limit_exceeded(std::string message) { return AwsError("LimitExceeded", std::move(message), 409); }
inline AwsError malformed_policy(std::string message) {
  return AwsError("MalformedPolicyDocument", std::move(message), 400);
}
inline AwsError invalid_input(std::string message) { return AwsError("InvalidInput", std::move(message), 400); }
inline AwsError validation_error(std::string message) { return AwsError("ValidationError", std::move(message), 400); }
inline AwsError unmodifiable_entity(std::string message) {
  return AwsError("UnmodifiableEntity", std::move(message), 400);
}

// Collects constraint violations and reports them together, as AWS does:
// "2 validation errors detected: Value 'x' at 'roleName' failed to satisfy constraint: ...".
class Violations {
 public:
  void add(const std::string& value, const std::string& member, const std::string& constraint);
  void throw_if_any() const;

 private:
  std::vector<std::string> items_;
};

}  // namespace understudy::iam
