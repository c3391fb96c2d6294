#include "services/secretsmanager/secret_lookup.hpp"

#include <cctype>

#include "emulator/state/arn.hpp"
#include "services/secretsmanager/errors.hpp"

namespace understudy::secretsmanager {
namespace {

bool looks_like_suffix(const std::string& text, std::size_t dash) {
  if (dash == std::string::npos || text.size() - dash != 7) return false;
  for (std::size_t i = dash + 1; i < text.size(); ++i)
    if (!std::isalnum(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

}  // namespace

std::vector<NameCandidate> candidate_names(const std::string& secret_id, const std::string& account,
                                           const std::string& region) {
  if (secret_id.rfind("arn:", 0) != 0) return {{secret_id, std::nullopt}};
  auto arn = state::Arn::parse(secret_id);
  if (!arn || arn->service != "secretsmanager" || arn->account != account || arn->region != region) return {};
  if (arn->resource.rfind("secret:", 0) != 0) return {};
  std::string resource = arn->resource.substr(7);
  if (resource.empty()) return {};
  std::vector<NameCandidate> out;
  std::size_t dash = resource.rfind('-');
  if (dash != 0 && looks_like_suffix(resource, dash))
    out.push_back({resource.substr(0, dash), resource.substr(dash + 1)});
  out.push_back({resource, std::nullopt});  // a partial ARN: the name alone
  return out;
}

std::optional<SecretRecord> find_secret(SecretRepository& repo, const RequestContext& ctx,
                                        const std::string& secret_id) {
  for (const auto& candidate : candidate_names(secret_id, ctx.account, ctx.region)) {
    auto secret = repo.load(ctx.account, ctx.region, candidate.name, ctx.now);
    if (secret && (!candidate.suffix || *candidate.suffix == secret->suffix)) return secret;
  }
  return std::nullopt;
}

SecretRecord require_secret(SecretRepository& repo, const RequestContext& ctx, const std::string& secret_id) {
  auto secret = find_secret(repo, ctx, secret_id);
  if (!secret) throw secret_not_found();
  return std::move(*secret);
}

SecretRecord require_active_secret(SecretRepository& repo, const RequestContext& ctx, const std::string& secret_id) {
  auto secret = require_secret(repo, ctx, secret_id);
  if (secret.scheduled_for_deletion()) throw marked_for_deletion();
  return secret;
}

SecretRecord require_primary_secret(SecretRepository& repo, const RequestContext& ctx,
                                    const std::string& secret_id) {
  auto secret = require_active_secret(repo, ctx, secret_id);
  if (secret.is_replica()) throw replica_is_read_only();
  return secret;
}

}  // namespace understudy::secretsmanager
