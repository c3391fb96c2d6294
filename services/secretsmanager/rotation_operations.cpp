// RotateSecret, CancelRotateSecret: turning rotation on and off, and rotating now.
#include "emulator/state/ids.hpp"
#include "services/secretsmanager/errors.hpp"
#include "services/secretsmanager/rotation.hpp"
#include "services/secretsmanager/rotation_schedule.hpp"
#include "services/secretsmanager/secret_lookup.hpp"
#include "services/secretsmanager/secretsmanager.hpp"

namespace understudy::secretsmanager {

Json SecretsManager::RotateSecret(const Json& input, const RequestContext& ctx) {
  auto secret = require_primary_secret(repo_, ctx, input.value("SecretId", ""));
  const auto token = input.contains("ClientRequestToken") && input["ClientRequestToken"].is_string()
                         ? input["ClientRequestToken"].get<std::string>()
                         : state::uuid4();
  Json out = {{"ARN", secret.arn()}, {"Name", secret.name}};
  if (const SecretVersion* pending = secret.pending_rotation()) {
    if (pending->id == token) {  // a retry of the rotation already under way
      out["VersionId"] = token;
      return out;
    }
    throw invalid_request("A previous rotation isn't complete. That rotation will be reattempted.");
  }
  if (secret.find_version(token)) throw version_exists();

  if (!secret.rotation) {
    secret.rotation.emplace();
    secret.rotation->schedule_base = ctx.now;
  }
  auto& rotation = *secret.rotation;
  if (auto lambda = input.find("RotationLambdaARN"); lambda != input.end() && lambda->is_string()) {
    if (lambda->get<std::string>().empty()) rotation.lambda_arn.reset();
    else rotation.lambda_arn = lambda->get<std::string>();
  }
  if (auto rules = input.find("RotationRules"); rules != input.end() && rules->is_object()) {
    parse_rotation_rules(*rules);  // refuses what AWS refuses
    Json kept = Json::object();
    for (const char* key : {"AutomaticallyAfterDays", "Duration", "ScheduleExpression"})
      if (rules->contains(key) && !(*rules)[key].is_null()) kept[key] = (*rules)[key];
    rotation.rules = std::move(kept);
  }
  if (!can_rotate(secret, rotators_))
    throw invalid_request("No Lambda rotation function ARN is associated with this secret.");
  rotation.enabled = true;
  if (input.value("RotateImmediately", true)) {
    rotate_now(ctx, secret, token, cipher_, rotators_);
    out["VersionId"] = token;
  }
  schedule_next_rotation(secret, ctx.now);
  secret.last_changed = ctx.now;
  repo_.save(secret);
  return out;
}

Json SecretsManager::CancelRotateSecret(const Json& input, const RequestContext& ctx) {
  auto secret = require_primary_secret(repo_, ctx, input.value("SecretId", ""));
  Json out = {{"ARN", secret.arn()}, {"Name", secret.name}};
  // The labels of a rotation under way stay where they are, as AWS leaves them.
  if (const SecretVersion* pending = secret.pending_rotation()) out["VersionId"] = pending->id;
  if (secret.rotation) {
    secret.rotation->enabled = false;
    schedule_next_rotation(secret, ctx.now);
    secret.last_changed = ctx.now;
    repo_.save(secret);
  }
  return out;
}

}  // namespace understudy::secretsmanager
