#pragma once
// What DescribeSecret and ListSecrets show of a secret.
#include "emulator/core/json.hpp"
#include "services/secretsmanager/secret_record.hpp"

namespace understudy::secretsmanager {

Json describe_secret(const SecretRecord& secret);
Json list_entry(const SecretRecord& secret);
// VersionIdsToStages: only versions that carry a label.
Json versions_to_stages(const SecretRecord& secret);

}  // namespace understudy::secretsmanager
