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
AwsError decryption_failure();

}  // namespace understudy::secretsmanager
