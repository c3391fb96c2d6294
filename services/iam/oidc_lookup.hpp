#pragma once
// OpenID Connect providers by ARN (arn:aws:iam::ACCOUNT:oidc-provider/host/path).
#include <string>

#include "emulator/core/json.hpp"
#include "services/iam/repository.hpp"

namespace understudy::iam {

// InvalidInput for text that is no provider ARN; NoSuchEntity
// "OpenIDConnect Provider not found for arn X" when missing.
Json load_oidc_provider(const Repository& repo, const std::string& arn);
void save_oidc_provider(Repository& repo, const Json& provider);

}  // namespace understudy::iam
