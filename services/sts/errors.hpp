#pragma once
// STS's error vocabulary (query protocol): "ValidationError", not "ValidationException".
#include <string>
#include <vector>

#include "emulator/core/aws_error.hpp"
#include "emulator/core/json.hpp"

namespace understudy::sts {

inline AwsError validation_error(std::string message) { return AwsError("ValidationError", std::move(message), 400); }
inline AwsError malformed_policy(std::string message) {
  return AwsError("MalformedPolicyDocument", std::move(message), 400);
}
inline AwsError invalid_identity_token(std::string message) {
  return AwsError("InvalidIdentityToken", std::move(message), 400);
}
inline AwsError access_denied(std::string message) { return AwsError("AccessDenied", std::move(message), 403); }

// Collects constraint violations and reports them the way AWS does:
// "2 validation errors detected: Value 'x' at 'roleSessionName' failed to satisfy
// constraint: ...; Value ...".
class Violations {
 public:
  void add(const std::string& value, const std::string& member, const std::string& constraint);
  void add_number(long long value, const std::string& member, const std::string& constraint);
  // A required member that is absent.
  void require(const Json& input, const std::string& name, const std::string& member);
  void throw_if_any() const;

 private:
  std::vector<std::string> items_;
};

}  // namespace understudy::sts
