// TagResource, UntagResource.
#include "emulator/state/tags.hpp"
#include "services/secretsmanager/secret_lookup.hpp"
#include "services/secretsmanager/secretsmanager.hpp"

namespace understudy::secretsmanager {

Json SecretsManager::TagResource(const Json& input, const RequestContext& ctx) {
  auto secret = require_primary_secret(repo_, ctx, input.value("SecretId", ""));
  const Json tags = input.value("Tags", Json::array());
  state::validate_tags(tags, "InvalidParameterException");
  secret.tags = state::merge_tags(secret.tags, tags, "InvalidParameterException");
  secret.last_changed = ctx.now;
  repo_.save(secret);
  return Json::object();
}

Json SecretsManager::UntagResource(const Json& input, const RequestContext& ctx) {
  auto secret = require_primary_secret(repo_, ctx, input.value("SecretId", ""));
  secret.tags = state::remove_tag_keys(secret.tags, input.value("TagKeys", Json::array()));
  secret.last_changed = ctx.now;
  repo_.save(secret);
  return Json::object();
}

}  // namespace understudy::secretsmanager
