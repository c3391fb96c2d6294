#pragma once
// Finding the key a request names. Callers name a key by key id, key ARN, alias name or
// alias ARN; some operations take only the first two, as AWS's do.
#include <string>

#include "emulator/core/request_context.hpp"
#include "services/kms/key_repository.hpp"

namespace understudy::kms {

enum class KeyNaming { key_only, key_or_alias };

// Throws NotFoundException (AWS's wording) when nothing matches. An alias of the form
// alias/aws/<service> that does not exist yet gets its AWS managed key now, as AWS
// creates them on first use.
KeyRecord find_key(KeyRepository& repo, const RequestContext& ctx, const std::string& key_id, KeyNaming naming);

// For cryptographic operations: DisabledException or KMSInvalidStateException unless the
// key is enabled.
void require_enabled(const KeyRecord& key);
// For changes to a key: KMSInvalidStateException while it is pending deletion.
void require_not_pending_deletion(const KeyRecord& key);

bool is_aws_managed_alias(const std::string& alias_name);
// The AWS managed key of `alias_name` (alias/aws/<service>), created with its alias.
KeyRecord create_aws_managed_key(KeyRepository& repo, const RequestContext& ctx, const std::string& alias_name);

// A new key id in AWS's format: a uuid4, or mrk-<32 hex> for a multi-Region key.
std::string new_key_id(bool multi_region);

}  // namespace understudy::kms
