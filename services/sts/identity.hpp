#pragma once
// Who a caller is, from the access key it signed with.
#include <optional>
#include <string>

#include "emulator/core/request_context.hpp"
#include "emulator/state/store.hpp"
#include "services/sts/credentials.hpp"

namespace understudy::sts {

// "aws", "aws-cn" or "aws-us-gov", from the region the caller signed for.
std::string partition_of_region(const std::string& region);

// The credentials we issued that the caller signs with, if any. Throws ExpiredToken when
// they have expired, as AWS answers any call made with them.
std::optional<IssuedCredentials> caller_credentials(state::Store& store, const RequestContext& ctx);

// A key that is not one we issued is taken for the account's root user: there is no IAM
// user behind it to report.
CallerIdentity caller_identity(state::Store& store, const RequestContext& ctx);

// RoleId-style identifier ("AROA" + 17 characters), stable for one role ARN.
std::string role_id_of(const std::string& role_arn);

}  // namespace understudy::sts
