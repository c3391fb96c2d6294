#include "services/secretsmanager/secretsmanager.hpp"

#include "emulator/core/log.hpp"
#include "emulator/state/ids.hpp"
#include "services/secretsmanager/rotation.hpp"
#include "services/secretsmanager/secret_lookup.hpp"

namespace understudy::secretsmanager {

SecretsManager::SecretsManager(state::Store& store, state::Clock& clock, const state::Vault& vault)
    : repo_(store), clock_(clock), cipher_(store, vault) {}

std::span<const SecretsManager::Entry> SecretsManager::operations() {
  static const Entry table[] = {
      {"BatchGetSecretValue", &SecretsManager::BatchGetSecretValue},
      {"CancelRotateSecret", &SecretsManager::CancelRotateSecret},
      {"CreateSecret", &SecretsManager::CreateSecret},
      {"DeleteResourcePolicy", &SecretsManager::DeleteResourcePolicy},
      {"DeleteSecret", &SecretsManager::DeleteSecret},
      {"DescribeSecret", &SecretsManager::DescribeSecret},
      {"GetRandomPassword", &SecretsManager::GetRandomPassword},
      {"GetResourcePolicy", &SecretsManager::GetResourcePolicy},
      {"GetSecretValue", &SecretsManager::GetSecretValue},
      {"ListSecretVersionIds", &SecretsManager::ListSecretVersionIds},
      {"ListSecrets", &SecretsManager::ListSecrets},
      {"PutResourcePolicy", &SecretsManager::PutResourcePolicy},
      {"PutSecretValue", &SecretsManager::PutSecretValue},
      {"RemoveRegionsFromReplication", &SecretsManager::RemoveRegionsFromReplication},
      {"ReplicateSecretToRegions", &SecretsManager::ReplicateSecretToRegions},
      {"RestoreSecret", &SecretsManager::RestoreSecret},
      {"RotateSecret", &SecretsManager::RotateSecret},
      {"StopReplicationToReplica", &SecretsManager::StopReplicationToReplica},
      {"TagResource", &SecretsManager::TagResource},
      {"UntagResource", &SecretsManager::UntagResource},
      {"UpdateSecret", &SecretsManager::UpdateSecret},
      {"UpdateSecretVersionStage", &SecretsManager::UpdateSecretVersionStage},
      {"ValidateResourcePolicy", &SecretsManager::ValidateResourcePolicy},
  };
  return table;
}

// Two things come due for a secret: the end of its recovery window, and the start of
// its next rotation window.
void SecretsManager::on_due(const std::string& account, const std::string& region, const std::string& type,
                            const std::string& id, double now) {
  if (type != kSecretType) return;
  auto doc = repo_.store().get(secret_key(account, region, id));
  if (!doc) return;
  auto secret = SecretRecord::from_json(*doc, account, region);
  if (secret.deletion_date) {
    if (*secret.deletion_date <= now) repo_.erase(secret);
    return;
  }
  if (secret.is_replica() || !secret.rotation || !secret.rotation->enabled) return;
  if (!secret.rotation->next_start || *secret.rotation->next_start > now || secret.pending_rotation()) return;
  if (can_rotate(secret, rotators_)) {
    try {
      if (rotate_now(context_for(secret, now), secret, state::uuid4(), cipher_, rotators_)) {
        secret.last_changed = now;
        schedule_next_rotation(secret, now);
      }
    } catch (const AwsError& e) {
      // The value cannot be read or written (its KMS key is disabled, ...): this window's
      // rotation fails, as on AWS, and the next window tries again.
      log::warn("secretsmanager: scheduled rotation of " + secret.arn() + " failed: " + e.message());
      schedule_next_rotation(secret, now);
    }
  } else {
    secret.rotation->next_start.reset();
  }
  repo_.save(secret);
}

Json SecretsManager::create_managed_secret(const RequestContext& ctx, const ManagedSecretSpec& spec) {
  Json input = {{"Name", spec.name}, {"SecretString", spec.secret_string}, {"Tags", spec.tags}};
  if (spec.description) input["Description"] = *spec.description;
  if (spec.kms_key_id) input["KmsKeyId"] = *spec.kms_key_id;
  return create_secret(input, ctx, spec.owning_service);
}

void SecretsManager::delete_managed_secret(const RequestContext& ctx, const std::string& secret_id) {
  if (auto secret = find_secret(repo_, ctx, secret_id)) repo_.erase(*secret);
}

}  // namespace understudy::secretsmanager
