#pragma once
// Secrets Manager's errors, with the codes and messages AWS gives.
#include <string>

#include "emulator/core/aws_error.hpp"

namespace understudy::secretsmanager {

AwsError secret_not_found();
AwsError invalid_parameter(std::string message);
AwsError invalid_request(std::string message);
AwsError secret_exists(const std::string& name);
AwsError version_exists();
AwsError marked_for_deletion();
AwsError replica_is_read_only();
AwsError managed_by_other_service(const std::string& owning_service);
AwsError limit_exceeded(std::string message);
AwsError malformed_policy(std::string message);
// `reason`: what KMS answered, so that the caller can see which key failed and why.
AwsError decryption_failure(const std::string& reason = "");
AwsError encryption_failure(const std::string& reason);
// A KmsKeyId that names no key KMS has.
AwsError invalid_kms_key(const std::string& reason);

}  // namespace understudy::secretsmanager
