#pragma once
// KMS's cryptography for other services: a service whose resources name a KmsKeyId
// (Secrets Manager, RDS storage, ...) encrypts and decrypts with the user's key through
// this, and gets KMS's own errors (NotFoundException, DisabledException,
// KMSInvalidStateException, InvalidCiphertextException, IncorrectKeyException) to map to
// its own. It needs only the store, so a service constructs one of its own:
//
//   kms::KmsCrypto kms(store);
//   auto sealed = kms.encrypt(ctx, "alias/aws/secretsmanager", value, {{"SecretARN", arn}});
//   auto opened = kms.decrypt(ctx, sealed.ciphertext_blob, {{"SecretARN", arn}});
//
// Blobs and plaintexts are raw bytes here, not base64. Only symmetric keys
// (KeySpec SYMMETRIC_DEFAULT) encrypt; the AWS managed alias/aws/<service> keys are
// created on first use, as AWS does.
#include <cstddef>
#include <string>
#include <string_view>

#include "emulator/core/json.hpp"
#include "emulator/core/request_context.hpp"
#include "emulator/state/store.hpp"
#include "services/kms/key_repository.hpp"

namespace understudy::kms {

struct Encrypted {
  std::string ciphertext_blob;
  std::string key_arn;
};

struct Decrypted {
  std::string plaintext;
  std::string key_arn;
};

struct DataKey {
  std::string plaintext;
  std::string ciphertext_blob;
  std::string key_arn;
};

class KmsCrypto {
 public:
  explicit KmsCrypto(state::Store& store) : repo_(store) {}

  // `key_id`: a key id, key ARN, alias name or alias ARN. `encryption_context`: a JSON
  // object of strings, bound to the blob; Decrypt must be given the same one.
  Encrypted encrypt(const RequestContext& ctx, const std::string& key_id, std::string_view plaintext,
                    const Json& encryption_context = Json::object(), const std::string& operation = "Encrypt");
  // `key_id`, when not empty, must name the key that made the blob (IncorrectKeyException).
  Decrypted decrypt(const RequestContext& ctx, std::string_view ciphertext_blob,
                    const Json& encryption_context = Json::object(), const std::string& key_id = "");
  // A fresh random data key, and that key encrypted under `key_id`.
  DataKey generate_data_key(const RequestContext& ctx, const std::string& key_id, std::size_t number_of_bytes,
                            const Json& encryption_context = Json::object(),
                            const std::string& operation = "GenerateDataKey");
  // The ARN of the key `key_id` names, if it can encrypt now; throws KMS's error otherwise.
  std::string usable_key_arn(const RequestContext& ctx, const std::string& key_id,
                             const std::string& operation = "Encrypt");

 private:
  KeyRecord usable_key(const RequestContext& ctx, const std::string& key_id, const std::string& operation);
  KeyRepository repo_;
};

}  // namespace understudy::kms
