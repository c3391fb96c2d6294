#pragma once
// KMS's errors, with the codes and wording AWS uses.
#include <string>

#include "emulator/core/aws_error.hpp"

namespace understudy::kms {

AwsError key_not_found(const std::string& key_arn);
AwsError alias_not_found(const std::string& alias_arn);
AwsError invalid_key_id(const std::string& key_id);
AwsError key_disabled(const std::string& key_arn);
AwsError key_pending_deletion(const std::string& key_arn);
AwsError invalid_state(std::string message);
AwsError invalid_ciphertext(std::string message);
AwsError incorrect_key();
AwsError invalid_key_usage(std::string message);
AwsError unsupported_operation(std::string message);
AwsError already_exists(std::string message);
AwsError invalid_alias_name(std::string message);
AwsError malformed_policy(std::string message);
AwsError invalid_marker();
AwsError tag_error(std::string message);
AwsError not_found(std::string message);

}  // namespace understudy::kms
