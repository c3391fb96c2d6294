#pragma once
// How a secret value is protected, as AWS protects it: KMS encrypts it under the secret's
// key (the customer's KmsKeyId, or the AWS managed alias/aws/secretsmanager), bound to
// the secret's ARN and the version's id, and the Vault seals KMS's ciphertext before it
// reaches the store, so a value is never stored in the clear. Reading a value asks KMS
// again, so a key disabled after the write makes the read fail as on AWS.
#include <string>

#include "emulator/core/request_context.hpp"
#include "emulator/state/store.hpp"
#include "emulator/state/vault.hpp"
#include "services/kms/kms_crypto.hpp"
#include "services/secretsmanager/secret_record.hpp"
#include "services/secretsmanager/secret_value.hpp"

namespace understudy::secretsmanager {

inline constexpr const char* kDefaultKmsKey = "alias/aws/secretsmanager";

class SecretCipher {
 public:
  SecretCipher(state::Store& store, const state::Vault& vault) : kms_(store), vault_(vault) {}

  // Checks a KmsKeyId a customer sets: InvalidParameterException for a key that does not
  // exist, EncryptionFailure for one that cannot encrypt (disabled, pending deletion).
  void check_key(const RequestContext& ctx, const std::string& key_id);
  // Encrypts `value` into `version` under the secret's key; the same errors as check_key.
  void seal(const RequestContext& ctx, const SecretRecord& secret, SecretVersion& version, const SecretValue& value);
  // DecryptionFailure when KMS cannot decrypt (the key is disabled, pending deletion, gone).
  SecretValue open(const RequestContext& ctx, const SecretVersion& version);
  // After a change of key: AWSCURRENT, AWSPENDING and AWSPREVIOUS are encrypted again under
  // the new one. A version the old key cannot decrypt any more keeps its old encryption,
  // as AWS leaves it when it lacks kms:Decrypt on the previous key.
  void reencrypt_labelled(const RequestContext& ctx, SecretRecord& secret);

 private:
  kms::KmsCrypto kms_;
  const state::Vault& vault_;
};

// A request context for work the scheduler does on a secret's behalf.
RequestContext context_for(const SecretRecord& secret, double now);

}  // namespace understudy::secretsmanager
