#include "services/kms/kms_crypto.hpp"

#include "emulator/state/ids.hpp"
#include "services/kms/ciphertext.hpp"
#include "services/kms/errors.hpp"
#include "services/kms/key_lookup.hpp"

namespace understudy::kms {
namespace {

// A symmetric key can encrypt; anything else is refused with the reason.
void require_symmetric_encryption(const KeyRecord& key, const std::string& operation) {
  if (key.key_usage != "ENCRYPT_DECRYPT")
    throw invalid_key_usage(key.arn() + " key usage is " + key.key_usage + " which is not valid for " + operation +
                            ".");
  if (!key.symmetric())
    throw unsupported_operation("Understudy does not implement " + operation +
                                " with asymmetric KMS keys: " + key.arn() + " has KeySpec " + key.key_spec +
                                "; only SYMMETRIC_DEFAULT keys encrypt and decrypt here.");
  if (key.materials.empty()) throw invalid_state(key.arn() + " has no key material.");
}

}  // namespace

KeyRecord KmsCrypto::usable_key(const RequestContext& ctx, const std::string& key_id, const std::string& operation) {
  KeyRecord key = find_key(repo_, ctx, key_id, KeyNaming::key_or_alias);
  require_enabled(key);
  require_symmetric_encryption(key, operation);
  return key;
}

std::string KmsCrypto::usable_key_arn(const RequestContext& ctx, const std::string& key_id,
                                      const std::string& operation) {
  return usable_key(ctx, key_id, operation).arn();
}

Encrypted KmsCrypto::encrypt(const RequestContext& ctx, const std::string& key_id, std::string_view plaintext,
                             const Json& encryption_context, const std::string& operation) {
  const KeyRecord key = usable_key(ctx, key_id, operation);
  const BlobHeader header{key.arn(), static_cast<std::uint32_t>(key.materials.size() - 1)};
  return {seal_blob(header, key.materials.back(), plaintext, encryption_context), key.arn()};
}

Decrypted KmsCrypto::decrypt(const RequestContext& ctx, std::string_view ciphertext_blob,
                             const Json& encryption_context, const std::string& key_id) {
  auto header = read_blob_header(ciphertext_blob);
  if (!header) throw invalid_ciphertext("The ciphertext is not a KMS ciphertext blob.");
  KeyRecord key = find_key(repo_, ctx, header->key_arn, KeyNaming::key_only);
  if (!key_id.empty()) {
    const KeyRecord named = find_key(repo_, ctx, key_id, KeyNaming::key_or_alias);
    if (named.arn() != key.arn()) throw incorrect_key();
  }
  require_enabled(key);
  require_symmetric_encryption(key, "Decrypt");
  if (header->material_index >= key.materials.size())
    throw invalid_ciphertext("The ciphertext refers to key material this key does not have.");
  auto plaintext = open_blob(ciphertext_blob, key.materials[header->material_index], encryption_context);
  if (!plaintext)
    throw invalid_ciphertext(
        "The ciphertext does not decrypt under this key and encryption context: it was changed, or the encryption "
        "context differs from the one given to Encrypt.");
  return {*std::move(plaintext), key.arn()};
}

DataKey KmsCrypto::generate_data_key(const RequestContext& ctx, const std::string& key_id, std::size_t number_of_bytes,
                                     const Json& encryption_context, const std::string& operation) {
  std::string plaintext(number_of_bytes, '\0');
  state::random_bytes(reinterpret_cast<unsigned char*>(plaintext.data()), plaintext.size());
  Encrypted sealed = encrypt(ctx, key_id, plaintext, encryption_context, operation);
  return {std::move(plaintext), std::move(sealed.ciphertext_blob), std::move(sealed.key_arn)};
}

}  // namespace understudy::kms
