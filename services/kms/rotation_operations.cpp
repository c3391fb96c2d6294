#include "services/kms/errors.hpp"
#include "services/kms/key_lookup.hpp"
#include "services/kms/kms.hpp"

namespace understudy::kms {
namespace {

void require_rotatable(const KeyRecord& key) {
  require_not_pending_deletion(key);
  if (key.state == KeyState::disabled) throw key_disabled(key.arn());
  if (!key.symmetric())
    throw unsupported_operation(key.arn() + " key spec is " + key.key_spec +
                                "; automatic rotation is only supported for symmetric encryption KMS keys.");
}

}  // namespace

Json Kms::EnableKeyRotation(const Json& input, const RequestContext& ctx) {
  KeyRecord key = key_named(input, ctx);
  require_rotatable(key);
  const int days = input.value("RotationPeriodInDays", 365);
  if (days < 90 || days > 2560)
    throw validation_error("1 validation error detected: Value '" + std::to_string(days) +
                           "' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value less "
                           "than or equal to 2560 and greater than or equal to 90");
  if (!key.rotation.enabled || key.rotation.period_days != days || !key.rotation.next_rotation)
    key.rotation.next_rotation = ctx.now + days * 86400.0;
  key.rotation.enabled = true;
  key.rotation.period_days = days;
  repo_.save(key);
  return Json::object();
}

Json Kms::DisableKeyRotation(const Json& input, const RequestContext& ctx) {
  KeyRecord key = key_named(input, ctx);
  require_rotatable(key);
  if (key.aws_managed()) throw unsupported_operation(key.arn() + " is an AWS managed key; AWS rotates it every year.");
  key.rotation.enabled = false;
  key.rotation.next_rotation.reset();
  repo_.save(key);
  return Json::object();
}

Json Kms::GetKeyRotationStatus(const Json& input, const RequestContext& ctx) {
  const KeyRecord key = key_named(input, ctx);
  require_not_pending_deletion(key);
  if (!key.symmetric())
    throw unsupported_operation(key.arn() + " key spec is " + key.key_spec +
                                "; automatic rotation is only supported for symmetric encryption KMS keys.");
  Json out = {{"KeyId", key.key_id}, {"KeyRotationEnabled", key.rotation.enabled}};
  if (key.rotation.enabled) {
    out["RotationPeriodInDays"] = key.rotation.period_days;
    if (key.rotation.next_rotation) out["NextRotationDate"] = *key.rotation.next_rotation;
  }
  return out;
}

}  // namespace understudy::kms
