#pragma once
// AWS Secrets Manager. Each operation is a member named after it; the handlers are
// grouped by concern in *_operations.cpp.
#include <optional>
#include <span>
#include <string>

#include "emulator/core/service.hpp"
#include "emulator/state/clock.hpp"
#include "emulator/state/store.hpp"
#include "emulator/state/vault.hpp"
#include "services/secretsmanager/rotator.hpp"
#include "services/secretsmanager/secret_cipher.hpp"
#include "services/secretsmanager/secret_repository.hpp"
#include "services/secretsmanager/secret_value.hpp"

namespace understudy::secretsmanager {

// A secret created and owned by another service (RDS ManageMasterUserPassword, ...).
struct ManagedSecretSpec {
  std::string name;
  std::string secret_string;
  std::string owning_service;
  std::optional<std::string> description;
  std::optional<std::string> kms_key_id;
  Json tags = Json::array();
};

class SecretsManager : public ServiceWithOperations<SecretsManager> {
 public:
  SecretsManager(state::Store& store, state::Clock& clock, const state::Vault& vault);

  std::string_view model_name() const override { return "secretsmanager"; }
  static std::span<const Entry> operations();
  void on_due(const std::string& account, const std::string& region, const std::string& type, const std::string& id,
              double now) override;

  // Secrets owned by other services, and the rotators that rotate them for real.
  RotatorRegistry& rotators() { return rotators_; }
  // Returns CreateSecret's output for the new secret.
  Json create_managed_secret(const RequestContext& ctx, const ManagedSecretSpec& spec);
  // Deletes a managed secret at once (its owner was deleted); absent secrets are fine.
  void delete_managed_secret(const RequestContext& ctx, const std::string& secret_id);

  // secret_operations.cpp
  Json CreateSecret(const Json& input, const RequestContext& ctx);
  Json UpdateSecret(const Json& input, const RequestContext& ctx);
  Json DescribeSecret(const Json& input, const RequestContext& ctx);
  Json DeleteSecret(const Json& input, const RequestContext& ctx);
  Json RestoreSecret(const Json& input, const RequestContext& ctx);
  // value_operations.cpp
  Json GetSecretValue(const Json& input, const RequestContext& ctx);
  Json BatchGetSecretValue(const Json& input, const RequestContext& ctx);
  Json PutSecretValue(const Json& input, const RequestContext& ctx);
  Json ListSecretVersionIds(const Json& input, const RequestContext& ctx);
  Json UpdateSecretVersionStage(const Json& input, const RequestContext& ctx);
  // list_operations.cpp
  Json ListSecrets(const Json& input, const RequestContext& ctx);
  // rotation_operations.cpp
  Json RotateSecret(const Json& input, const RequestContext& ctx);
  Json CancelRotateSecret(const Json& input, const RequestContext& ctx);
  // replication_operations.cpp
  Json ReplicateSecretToRegions(const Json& input, const RequestContext& ctx);
  Json RemoveRegionsFromReplication(const Json& input, const RequestContext& ctx);
  Json StopReplicationToReplica(const Json& input, const RequestContext& ctx);
  // policy_operations.cpp
  Json PutResourcePolicy(const Json& input, const RequestContext& ctx);
  Json GetResourcePolicy(const Json& input, const RequestContext& ctx);
  Json DeleteResourcePolicy(const Json& input, const RequestContext& ctx);
  Json ValidateResourcePolicy(const Json& input, const RequestContext& ctx);
  // tag_operations.cpp
  Json TagResource(const Json& input, const RequestContext& ctx);
  Json UntagResource(const Json& input, const RequestContext& ctx);
  // password_operations.cpp
  Json GetRandomPassword(const Json& input, const RequestContext& ctx);

 private:
  Json create_secret(const Json& input, const RequestContext& ctx, const std::optional<std::string>& owning_service);
  // Adds a version holding `value` under `token`, or answers a retry of the same token:
  // same value → the existing version, different value → ResourceExistsException.
  // Returns whether a version was added.
  bool put_version(const RequestContext& ctx, SecretRecord& secret, const std::string& token,
                   const SecretValue& value, const std::vector<std::string>& stages);
  // GetSecretValue's and BatchGetSecretValue's answer for one secret; records the access.
  Json read_value(const RequestContext& ctx, SecretRecord& secret, const std::optional<std::string>& version_id,
                  const std::optional<std::string>& version_stage);

  SecretRepository repo_;
  state::Clock& clock_;
  SecretCipher cipher_;
  RotatorRegistry rotators_;
};

}  // namespace understudy::secretsmanager
