#pragma once
// Key policies: the default document AWS gives a key created without one, and the
// checks a policy passes before KMS keeps it.
#include <string>

namespace understudy::kms {

// Lets the account's root principal (and so IAM policies) do everything with the key.
std::string default_key_policy(const std::string& account);
// The policy of an AWS managed key (alias/aws/<service>): use through that service only.
std::string aws_managed_key_policy(const std::string& account, const std::string& service);
// Throws MalformedPolicyDocumentException unless `policy` is a JSON object with a
// Statement that is a non-empty list (or one object) of statements with an Effect.
void validate_key_policy(const std::string& policy);

}  // namespace understudy::kms
