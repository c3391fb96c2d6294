#pragma once
// Which stored secret a SecretId means: a name, a full ARN (name plus the 6-character
// suffix) or a partial ARN (an ARN without the suffix). Each candidate is one store.get.
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/request_context.hpp"
#include "services/secretsmanager/secret_record.hpp"
#include "services/secretsmanager/secret_repository.hpp"

namespace understudy::secretsmanager {

struct NameCandidate {
  std::string name;
  std::optional<std::string> suffix;  // must match the stored suffix when set
};

// The names `secret_id` may stand for, most specific first. An ARN of another account or
// region, or of another service, stands for nothing.
std::vector<NameCandidate> candidate_names(const std::string& secret_id, const std::string& account,
                                           const std::string& region);

std::optional<SecretRecord> find_secret(SecretRepository& repo, const RequestContext& ctx,
                                        const std::string& secret_id);
// ResourceNotFoundException when there is no such secret.
SecretRecord require_secret(SecretRepository& repo, const RequestContext& ctx, const std::string& secret_id);
// ... and InvalidRequestException when it is scheduled for deletion.
SecretRecord require_active_secret(SecretRepository& repo, const RequestContext& ctx, const std::string& secret_id);
// ... and InvalidRequestException when it is a read-only replica.
SecretRecord require_primary_secret(SecretRepository& repo, const RequestContext& ctx,
                                    const std::string& secret_id);

}  // namespace understudy::secretsmanager
