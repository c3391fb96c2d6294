#include "services/secretsmanager/errors.hpp"

namespace understudy::secretsmanager {

AwsError secret_not_found() {
  return AwsError("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
}

AwsError invalid_parameter(std::string message) {
  return AwsError("InvalidParameterException", std::move(message));
}

AwsError invalid_request(std::string message) { return AwsError("InvalidRequestException", std::move(message)); }

AwsError secret_exists(const std::string& name) {
  return AwsError("ResourceExistsException", "The operation failed because the secret " + name + " already exists.");
}

AwsError version_exists() {
  return AwsError("ResourceExistsException",
                  "You can't modify an existing version, you can only create a new version.");
}

AwsError marked_for_deletion() {
  return invalid_request("You can't perform this operation on the secret because it was marked for deletion.");
}

AwsError replica_is_read_only() {
  return invalid_request("Operation is not permitted on a replica secret. Call must be made in primary secret's region.");
}

AwsError managed_by_other_service(const std::string& owning_service) {
  return invalid_request("The secret is managed by " + owning_service +
                         ", and you must use that service to update it.");
}

AwsError limit_exceeded(std::string message) { return AwsError("LimitExceededException", std::move(message)); }

AwsError malformed_policy(std::string message) {
  return AwsError("MalformedPolicyDocumentException", std::move(message));
}

AwsError decryption_failure(const std::string& reason) {
  std::string message = "Secrets Manager can't decrypt the protected secret text using the provided KMS key.";
  if (!reason.empty()) message += " " + reason;
  return AwsError("DecryptionFailure", std::move(message));
}

AwsError encryption_failure(const std::string& reason) {
  return AwsError("EncryptionFailure",
                  "Secrets Manager can't encrypt the protected secret text using the provided KMS key. Check that the "
                  "KMS key is available, enabled, and not in an invalid state. " +
                      reason);
}

AwsError invalid_kms_key(const std::string& reason) {
  return invalid_parameter("The operation failed because of an invalid KMS key: " + reason);
}

}  // namespace understudy::secretsmanager
