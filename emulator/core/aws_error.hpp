#pragma once
#include <stdexcept>
#include <string>

namespace understudy {

// An error as AWS reports it. Services throw it; the protocol layer gives it the wire
// shape of whichever protocol the client spoke.
struct AwsError : std::runtime_error {
  std::string code;
  int http_status;
  bool sender_fault;

  AwsError(std::string code_, std::string message, int status = 400, bool sender = true)
      : std::runtime_error(std::move(message)),
        code(std::move(code_)),
        http_status(status),
        sender_fault(sender) {}

  std::string message() const { return what(); }
};

// Errors shared by every service, with AWS's codes.
inline AwsError validation_error(std::string message) {
  return AwsError("ValidationException", std::move(message), 400);
}
inline AwsError invalid_parameter_value(std::string message) {
  return AwsError("InvalidParameterValue", std::move(message), 400);
}
inline AwsError missing_parameter(std::string message) {
  return AwsError("MissingParameter", std::move(message), 400);
}
inline AwsError internal_failure(std::string message) {
  return AwsError("InternalFailure", std::move(message), 500, false);
}

}  // namespace understudy
