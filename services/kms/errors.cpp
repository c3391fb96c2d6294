#include "services/kms/errors.hpp"

namespace understudy::kms {

AwsError key_not_found(const std::string& key_arn) {
  return AwsError("NotFoundException", "Key '" + key_arn + "' does not exist");
}
AwsError alias_not_found(const std::string& alias_arn) {
  return AwsError("NotFoundException", "Alias " + alias_arn + " is not found.");
}
AwsError invalid_key_id(const std::string& key_id) {
  return AwsError("NotFoundException", "Invalid keyId '" + key_id + "'");
}
AwsError key_disabled(const std::string& key_arn) { return AwsError("DisabledException", key_arn + " is disabled."); }
AwsError key_pending_deletion(const std::string& key_arn) {
  return AwsError("KMSInvalidStateException", key_arn + " is pending deletion.");
}
AwsError invalid_state(std::string message) { return AwsError("KMSInvalidStateException", std::move(message)); }
AwsError invalid_ciphertext(std::string message) { return AwsError("InvalidCiphertextException", std::move(message)); }
AwsError incorrect_key() {
  return AwsError("IncorrectKeyException",
                  "The key ID in the request does not identify a CMK that can perform this operation.");
}
AwsError invalid_key_usage(std::string message) { return AwsError("InvalidKeyUsageException", std::move(message)); }
AwsError unsupported_operation(std::string message) {
  return AwsError("UnsupportedOperationException", std::move(message));
}
AwsError already_exists(std::string message) { return AwsError("AlreadyExistsException", std::move(message)); }
AwsError invalid_alias_name(std::string message) { return AwsError("InvalidAliasNameException", std::move(message)); }
AwsError malformed_policy(std::string message) {
  return AwsError("MalformedPolicyDocumentException", std::move(message));
}
AwsError invalid_marker() { return AwsError("InvalidMarkerException", "Invalid marker"); }
AwsError tag_error(std::string message) { return AwsError("TagException", std::move(message)); }
AwsError not_found(std::string message) { return AwsError("NotFoundException", std::move(message)); }

}  // namespace understudy::kms
