#include "services/secretsmanager/rotation.hpp"

#include <exception>

#include "emulator/core/log.hpp"
#include "services/secretsmanager/errors.hpp"
#include "services/secretsmanager/random_password.hpp"
#include "services/secretsmanager/rotation_schedule.hpp"
#include "services/secretsmanager/secret_value.hpp"

namespace understudy::secretsmanager {

std::string Rotator::next_value(const std::string& current_value) const {
  PasswordOptions options;
  // Characters that break connection strings and shells, as AWS's managed rotation avoids.
  options.exclude_characters = "/@\"' \\";
  auto password = random_password(options);
  Json doc = Json::parse(current_value, nullptr, false);
  if (!doc.is_object()) return password;
  doc["password"] = password;
  return doc.dump();
}

namespace {

Rotator* rotator_for(const SecretRecord& secret, const RotatorRegistry& rotators) {
  if (secret.rotation && secret.rotation->lambda_arn && !secret.rotation->lambda_arn->empty()) return nullptr;
  if (!secret.owning_service) return nullptr;
  return rotators.find(*secret.owning_service);
}

}  // namespace

bool can_rotate(const SecretRecord& secret, const RotatorRegistry& rotators) {
  if (secret.rotation && secret.rotation->lambda_arn && !secret.rotation->lambda_arn->empty()) return true;
  return rotator_for(secret, rotators) != nullptr;
}

bool rotate_now(const RequestContext& ctx, SecretRecord& secret, const std::string& version_id, SecretCipher& cipher,
                const RotatorRegistry& rotators) {
  const double now = ctx.now;
  Rotator* rotator = rotator_for(secret, rotators);
  if (!rotator) {
    add_version(secret, version_id, std::nullopt, false, {kPending}, now);
    log::warn("secretsmanager: rotation of " + secret.arn() +
              " needs its rotation Lambda, which Understudy cannot invoke; AWSPENDING is left on version " +
              version_id);
    return false;
  }
  const SecretVersion* current = secret.version_with_stage(kCurrent);
  if (!current || !current->sealed_value || current->binary)
    throw invalid_request("Secrets Manager can't rotate the secret because it has no AWSCURRENT SecretString.");
  RotationRequest request;
  request.account = secret.account;
  request.region = secret.region;
  request.secret_arn = secret.arn();
  request.secret_name = secret.name;
  request.owning_service = *secret.owning_service;
  request.version_id = version_id;
  request.current_value = cipher.open(ctx, *current).text;
  request.pending_value = rotator->next_value(request.current_value);
  // Encrypted before the version exists, so a key that cannot encrypt leaves no half-made version behind.
  SecretVersion sealed;
  sealed.id = version_id;
  cipher.seal(ctx, secret, sealed, {request.pending_value, false});
  add_version(secret, version_id, sealed.sealed_value, false, {kPending}, now).kms_context_arn = sealed.kms_context_arn;
  try {
    rotator->apply(request);
  } catch (const std::exception& e) {
    log::warn("secretsmanager: rotation of " + secret.arn() + " failed: " + e.what());
    return false;
  }
  attach_stage(secret, kCurrent, version_id);
  detach_stage(secret, kPending, version_id);
  if (!secret.rotation) secret.rotation.emplace();
  secret.rotation->last_rotated = now;
  secret.rotation->schedule_base = now;
  return true;
}

void schedule_next_rotation(SecretRecord& secret, double now) {
  if (!secret.rotation) return;
  auto& rotation = *secret.rotation;
  if (!rotation.enabled || rotation.rules.empty()) {
    rotation.next_start.reset();
    rotation.next_end.reset();
    return;
  }
  auto window = next_window(parse_rotation_rules(rotation.rules), rotation.schedule_base, now);
  rotation.next_start = window.start;
  rotation.next_end = window.end;
}

}  // namespace understudy::secretsmanager
