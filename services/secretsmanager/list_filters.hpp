#pragma once
// ListSecrets' and BatchGetSecretValue's Filters and ListSecrets' sorting. Values within
// a filter are alternatives, filters all apply; a value starting with "!" negates.
#include <vector>

#include "emulator/core/json.hpp"
#include "services/secretsmanager/secret_record.hpp"

namespace understudy::secretsmanager {

// Throws InvalidParameterException for a filter AWS would refuse.
void validate_filters(const Json& filters);
bool matches_filters(const SecretRecord& secret, const Json& filters);
// SortBy: created-date (default), last-accessed-date, last-changed-date, name; SortOrder asc|desc.
void sort_secrets(std::vector<SecretRecord>& secrets, const std::string& sort_by, const std::string& sort_order);

}  // namespace understudy::secretsmanager
