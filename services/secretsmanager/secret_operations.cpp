// CreateSecret, UpdateSecret, DescribeSecret, DeleteSecret, RestoreSecret: a secret's
// life from creation to the end of its recovery window.
#include <regex>

#include "emulator/state/arn.hpp"
#include "emulator/state/ids.hpp"
#include "emulator/state/tags.hpp"
#include "services/secretsmanager/errors.hpp"
#include "services/secretsmanager/replication.hpp"
#include "services/secretsmanager/rotation.hpp"
#include "services/secretsmanager/secret_lookup.hpp"
#include "services/secretsmanager/secret_view.hpp"
#include "services/secretsmanager/secretsmanager.hpp"

namespace understudy::secretsmanager {
namespace {

constexpr double kDay = 86400;
constexpr int kDefaultRecoveryDays = 30;

void validate_name(const std::string& name) {
  static const std::regex pattern("^[A-Za-z0-9/_+=.@-]{1,512}$");
  if (!std::regex_match(name, pattern))
    throw validation_error(
        "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");
}

std::optional<std::string> optional_string(const Json& input, const char* key) {
  auto it = input.find(key);
  if (it == input.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

bool SecretsManager::put_version(const RequestContext& ctx, SecretRecord& secret, const std::string& token,
                                 const SecretValue& value, const std::vector<std::string>& stages) {
  if (SecretVersion* existing = secret.find_version(token)) {
    if (!existing->sealed_value) {
      // The empty version a rotation opened under AWSPENDING: its value arrives now, as a
      // rotation function's createSecret step delivers it.
      cipher_.seal(ctx, secret, *existing, value);
      for (const auto& stage : stages) attach_stage(secret, stage, token);
      return true;
    }
    if (cipher_.open(ctx, *existing) == value) return false;
    throw version_exists();
  }
  SecretVersion& added = add_version(secret, token, std::nullopt, value.binary, stages, ctx.now);
  cipher_.seal(ctx, secret, added, value);
  return true;
}

Json SecretsManager::create_secret(const Json& input, const RequestContext& ctx,
                                   const std::optional<std::string>& owning_service) {
  const auto name = input.value("Name", std::string());
  // Owning services name their secrets themselves ("rds!db-..."), outside the customer's alphabet.
  if (!owning_service) validate_name(name);
  const auto value = value_from_input(input);
  const auto token = optional_string(input, "ClientRequestToken").value_or(state::uuid4());
  const Json tags = input.value("Tags", Json::array());
  state::validate_tags(tags, "InvalidParameterException");

  if (auto existing = repo_.load(ctx.account, ctx.region, name, ctx.now)) {
    if (existing->scheduled_for_deletion())
      throw invalid_request("You can't create this secret because a secret with this name is already scheduled for deletion.");
    const SecretVersion* retried = value ? existing->find_version(token) : nullptr;
    if (retried && retried->sealed_value) {
      if (!(cipher_.open(ctx, *retried) == *value)) throw version_exists();
      Json out = {{"ARN", existing->arn()}, {"Name", existing->name}, {"VersionId", token}};
      if (!existing->replicas.empty()) out["ReplicationStatus"] = existing->replicas;
      return out;
    }
    throw secret_exists(name);
  }

  SecretRecord secret;
  secret.account = ctx.account;
  secret.region = ctx.region;
  secret.name = name;
  secret.suffix = state::random_alnum(6);
  secret.description = optional_string(input, "Description");
  if (auto key = optional_string(input, "KmsKeyId"); key && !key->empty()) {
    cipher_.check_key(ctx, *key);
    secret.kms_key_id = key;
  }
  secret.type = optional_string(input, "Type");
  secret.owning_service = owning_service;
  secret.tags = state::merge_tags(Json::array(), tags, "InvalidParameterException");
  secret.created = ctx.now;
  secret.last_changed = ctx.now;
  if (value) {
    SecretVersion& first = add_version(secret, token, std::nullopt, value->binary, {kCurrent}, ctx.now);
    cipher_.seal(ctx, secret, first, *value);
  }
  if (auto regions = input.find("AddReplicaRegions"); regions != input.end() && !regions->empty())
    add_replicas(repo_, secret, *regions, input.value("ForceOverwriteReplicaSecret", false), ctx.now);
  repo_.save(secret);

  Json out = {{"ARN", secret.arn()}, {"Name", secret.name}};
  if (value) out["VersionId"] = token;
  if (!secret.replicas.empty()) out["ReplicationStatus"] = secret.replicas;
  return out;
}

Json SecretsManager::CreateSecret(const Json& input, const RequestContext& ctx) {
  return create_secret(input, ctx, std::nullopt);
}

Json SecretsManager::UpdateSecret(const Json& input, const RequestContext& ctx) {
  auto secret = require_primary_secret(repo_, ctx, input.value("SecretId", ""));
  if (secret.owning_service) throw managed_by_other_service(*secret.owning_service);
  if (auto description = optional_string(input, "Description")) secret.description = description;
  if (auto key = optional_string(input, "KmsKeyId")) {
    // An empty KmsKeyId goes back to the AWS managed key.
    std::optional<std::string> wanted;
    if (!key->empty()) wanted = key;
    cipher_.check_key(ctx, wanted.value_or(kDefaultKmsKey));
    if (wanted != secret.kms_key_id) {
      secret.kms_key_id = wanted;
      cipher_.reencrypt_labelled(ctx, secret);
    }
  }
  if (auto type = optional_string(input, "Type")) secret.type = type;
  Json out = {{"ARN", secret.arn()}, {"Name", secret.name}};
  if (auto value = value_from_input(input)) {
    const auto token = optional_string(input, "ClientRequestToken").value_or(state::uuid4());
    // A new value counts as a rotation for a schedule that counts days from the last one.
    if (put_version(ctx, secret, token, *value, {kCurrent}) && secret.rotation) {
      secret.rotation->schedule_base = ctx.now;
      schedule_next_rotation(secret, ctx.now);
    }
    out["VersionId"] = token;
  }
  secret.last_changed = ctx.now;
  repo_.save(secret);
  return out;
}

Json SecretsManager::DescribeSecret(const Json& input, const RequestContext& ctx) {
  return describe_secret(require_secret(repo_, ctx, input.value("SecretId", "")));
}

Json SecretsManager::DeleteSecret(const Json& input, const RequestContext& ctx) {
  const auto secret_id = input.value("SecretId", std::string());
  const bool force = input.value("ForceDeleteWithoutRecovery", false);
  const bool has_window = input.contains("RecoveryWindowInDays") && !input["RecoveryWindowInDays"].is_null();
  if (force && has_window)
    throw invalid_parameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
  const long long days = has_window ? input["RecoveryWindowInDays"].get<long long>() : kDefaultRecoveryDays;
  if (days < 7 || days > 30)
    throw invalid_parameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");

  auto secret = find_secret(repo_, ctx, secret_id);
  if (!secret) {
    // A forced delete of a secret that is already gone succeeds, as on AWS.
    if (!force) throw secret_not_found();
    const bool is_arn = secret_id.rfind("arn:", 0) == 0;
    return {{"ARN", is_arn ? secret_id : state::make_arn("secretsmanager", ctx.region, ctx.account, "secret:" + secret_id)},
            {"Name", secret_id},
            {"DeletionDate", ctx.now}};
  }
  if (secret->is_replica()) throw replica_is_read_only();
  if (secret->owning_service) throw managed_by_other_service(*secret->owning_service);
  if (!secret->replicas.empty())
    throw invalid_request("You can't delete secret " + secret->name +
                          " while it is replicated to other Regions. Remove the replicas first with "
                          "RemoveRegionsFromReplication.");
  Json out = {{"ARN", secret->arn()}, {"Name", secret->name}};
  if (force) {
    repo_.erase(*secret);
    out["DeletionDate"] = ctx.now;
    return out;
  }
  if (secret->scheduled_for_deletion()) throw marked_for_deletion();
  secret->deleted_date = ctx.now;
  secret->deletion_date = ctx.now + static_cast<double>(days) * kDay;
  repo_.save(*secret);
  out["DeletionDate"] = *secret->deletion_date;
  return out;
}

Json SecretsManager::RestoreSecret(const Json& input, const RequestContext& ctx) {
  auto secret = require_secret(repo_, ctx, input.value("SecretId", ""));
  if (secret.is_replica()) throw replica_is_read_only();
  if (secret.scheduled_for_deletion()) {
    secret.deleted_date.reset();
    secret.deletion_date.reset();
    secret.last_changed = ctx.now;
    repo_.save(secret);
  }
  return {{"ARN", secret.arn()}, {"Name", secret.name}};
}

}  // namespace understudy::secretsmanager
