#include "emulator/core/base64.hpp"
#include "services/kms/errors.hpp"
#include "services/kms/key_lookup.hpp"
#include "services/kms/key_policy.hpp"
#include "services/kms/kms.hpp"
#include "services/kms/paging.hpp"
#include "services/kms/tags.hpp"

namespace understudy::kms {
namespace {

constexpr double kDay = 86400;

std::string key_spec_of(const Json& input) {
  const bool spec = input.contains("KeySpec"), legacy = input.contains("CustomerMasterKeySpec");
  if (spec && legacy)
    throw validation_error(
        "You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is "
        "deprecated.");
  if (spec) return input["KeySpec"];
  if (legacy) return input["CustomerMasterKeySpec"];
  return "SYMMETRIC_DEFAULT";
}

void require_customer_managed(const KeyRecord& key, const std::string& what) {
  if (key.aws_managed())
    throw unsupported_operation(key.arn() + " is an AWS managed key: its " + what + " is managed by AWS.");
}

}  // namespace

Json Kms::CreateKey(const Json& input, const RequestContext& ctx) {
  KeyRecord key;
  key.account = ctx.account;
  key.region = ctx.region;
  key.key_spec = key_spec_of(input);
  if (input.contains("KeyUsage")) {
    key.key_usage = input["KeyUsage"];
  } else if (!key.symmetric()) {
    throw validation_error("You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
  }
  if (!usage_allowed(key.key_spec, key.key_usage))
    throw validation_error("KeyUsage " + key.key_usage + " is not compatible with KeySpec " + key.key_spec + ".");
  const std::string origin = input.value("Origin", "AWS_KMS");
  if (origin != "AWS_KMS")
    throw unsupported_operation("Understudy creates KMS keys with Origin AWS_KMS only, not " + origin + ".");
  if (input.contains("CustomKeyStoreId"))
    throw unsupported_operation("Understudy does not implement custom key stores.");
  key.description = input.value("Description", "");
  if (key.description.size() > 8192)
    throw validation_error(
        "1 validation error detected: Value at 'description' failed to satisfy constraint: "
        "Member must have length less than or equal to 8192");
  if (input.contains("Policy")) {
    key.policy = input["Policy"];
    validate_key_policy(key.policy);
  } else {
    key.policy = default_key_policy(ctx.account);
  }
  key.tags = tags_from_kms(input.value("Tags", Json::array()));
  key.multi_region = input.value("MultiRegion", false);
  key.key_id = new_key_id(key.multi_region);
  key.creation_date = ctx.now;
  if (key.symmetric()) key.materials.push_back(new_material());
  repo_.save(key);
  return {{"KeyMetadata", key.metadata()}};
}

Json Kms::DescribeKey(const Json& input, const RequestContext& ctx) {
  const KeyRecord key = find_key(repo_, ctx, input.value("KeyId", ""), KeyNaming::key_or_alias);
  return {{"KeyMetadata", key.metadata()}};
}

Json Kms::ListKeys(const Json& input, const RequestContext& ctx) {
  Json items = Json::array();
  for (const auto& key : repo_.list(ctx.account, ctx.region))
    items.push_back({{"KeyId", key.key_id}, {"KeyArn", key.arn()}});
  return page_of(items, input, "Keys", "ListKeys", 1000, 100);
}

Json Kms::EnableKey(const Json& input, const RequestContext& ctx) {
  KeyRecord key = key_named(input, ctx);
  require_not_pending_deletion(key);
  key.state = KeyState::enabled;
  repo_.save(key);
  return Json::object();
}

Json Kms::DisableKey(const Json& input, const RequestContext& ctx) {
  KeyRecord key = key_named(input, ctx);
  require_customer_managed(key, "state");
  require_not_pending_deletion(key);
  key.state = KeyState::disabled;
  repo_.save(key);
  return Json::object();
}

Json Kms::UpdateKeyDescription(const Json& input, const RequestContext& ctx) {
  KeyRecord key = key_named(input, ctx);
  require_customer_managed(key, "description");
  require_not_pending_deletion(key);
  key.description = input.value("Description", "");
  repo_.save(key);
  return Json::object();
}

Json Kms::ScheduleKeyDeletion(const Json& input, const RequestContext& ctx) {
  KeyRecord key = key_named(input, ctx);
  require_customer_managed(key, "deletion");
  require_not_pending_deletion(key);
  const int days = input.value("PendingWindowInDays", 30);
  if (days < 7 || days > 30)
    throw validation_error("1 validation error detected: Value '" + std::to_string(days) +
                           "' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value between "
                           "7 and 30");
  key.state = KeyState::pending_deletion;
  key.pending_window_days = days;
  key.deletion_date = ctx.now + days * kDay;
  repo_.save(key);
  return {{"KeyId", key.arn()},
          {"DeletionDate", *key.deletion_date},
          {"KeyState", key_state_name(key.state)},
          {"PendingWindowInDays", days}};
}

Json Kms::CancelKeyDeletion(const Json& input, const RequestContext& ctx) {
  KeyRecord key = key_named(input, ctx);
  if (key.state != KeyState::pending_deletion) throw invalid_state(key.arn() + " is not pending deletion.");
  // AWS leaves a key whose deletion was cancelled disabled, whatever it was before.
  key.state = KeyState::disabled;
  key.deletion_date.reset();
  key.pending_window_days.reset();
  repo_.save(key);
  return {{"KeyId", key.arn()}};
}

}  // namespace understudy::kms
