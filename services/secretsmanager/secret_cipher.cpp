#include "services/secretsmanager/secret_cipher.hpp"

#include <stdexcept>

#include "services/secretsmanager/errors.hpp"

namespace understudy::secretsmanager {
namespace {

// The encryption context AWS binds a secret value to.
Json encryption_context(const std::string& secret_arn, const std::string& version_id) {
  return {{"SecretARN", secret_arn}, {"SecretVersionId", version_id}};
}

// KMS's NotFoundException means the customer named no key we have; anything else means
// the key exists and cannot encrypt now.
[[noreturn]] void throw_encrypt_error(const AwsError& kms_error) {
  const std::string reason = kms_error.code + ": " + kms_error.message();
  if (kms_error.code == "NotFoundException") throw invalid_kms_key(reason);
  throw encryption_failure(reason);
}

}  // namespace

void SecretCipher::check_key(const RequestContext& ctx, const std::string& key_id) {
  try {
    kms_.usable_key_arn(ctx, key_id);
  } catch (const AwsError& e) {
    throw_encrypt_error(e);
  }
}

void SecretCipher::seal(const RequestContext& ctx, const SecretRecord& secret, SecretVersion& version,
                        const SecretValue& value) {
  const std::string context_arn = secret.arn();
  kms::Encrypted encrypted;
  try {
    encrypted = kms_.encrypt(ctx, secret.kms_key_id.value_or(kDefaultKmsKey), value.text,
                             encryption_context(context_arn, version.id));
  } catch (const AwsError& e) {
    throw_encrypt_error(e);
  }
  version.sealed_value = vault_.seal(encrypted.ciphertext_blob);
  version.binary = value.binary;
  version.kms_context_arn = context_arn;
}

SecretValue SecretCipher::open(const RequestContext& ctx, const SecretVersion& version) {
  if (!version.sealed_value) throw decryption_failure();
  std::string opened;
  try {
    opened = vault_.open(*version.sealed_value);
  } catch (const std::runtime_error&) {
    throw decryption_failure("the value was not sealed under this state directory's master key");
  }
  // Values written before Secrets Manager used KMS carry the Vault's seal alone.
  if (!version.kms_context_arn) return SecretValue{std::move(opened), version.binary};
  try {
    auto decrypted = kms_.decrypt(ctx, opened, encryption_context(*version.kms_context_arn, version.id));
    return SecretValue{std::move(decrypted.plaintext), version.binary};
  } catch (const AwsError& e) {
    throw decryption_failure(e.code + ": " + e.message());
  }
}

void SecretCipher::reencrypt_labelled(const RequestContext& ctx, SecretRecord& secret) {
  for (auto& version : secret.versions) {
    const bool labelled = version.has_stage(kCurrent) || version.has_stage(kPending) || version.has_stage(kPrevious);
    if (!labelled || !version.sealed_value) continue;
    SecretValue value;
    try {
      value = open(ctx, version);
    } catch (const AwsError&) {
      continue;
    }
    seal(ctx, secret, version, value);
  }
}

RequestContext context_for(const SecretRecord& secret, double now) {
  RequestContext ctx;
  ctx.account = secret.account;
  ctx.region = secret.region;
  ctx.now = now;
  return ctx;
}

}  // namespace understudy::secretsmanager
