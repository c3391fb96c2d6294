#include "emulator/core/base64.hpp"
#include "emulator/state/ids.hpp"
#include "services/kms/errors.hpp"
#include "services/kms/kms.hpp"

namespace understudy::kms {
namespace {

constexpr std::size_t kMaxPlaintext = 4096;

// A blob member as raw bytes (the protocol hands blobs over in base64).
std::string blob(const Json& input, const std::string& member) {
  auto raw = base64_decode(input.value(member, ""));
  if (!raw) throw validation_error("1 validation error detected: Value at '" + member + "' is not valid base64");
  return *raw;
}

Json context_of(const Json& input, const std::string& member = "EncryptionContext") {
  if (!input.contains(member)) return Json::object();
  const Json& ctx = input[member];
  if (!ctx.is_object()) throw validation_error(member + " must be a map of strings");
  for (const auto& [name, value] : ctx.items())
    if (!value.is_string()) throw validation_error(member + " value of '" + name + "' must be a string");
  return ctx;
}

// Only the symmetric algorithm exists for the keys that encrypt here.
void require_symmetric_algorithm(const Json& input, const std::string& member) {
  const std::string algorithm = input.value(member, "SYMMETRIC_DEFAULT");
  if (algorithm != "SYMMETRIC_DEFAULT")
    throw unsupported_operation("Understudy encrypts with " + member + " SYMMETRIC_DEFAULT only, not " + algorithm +
                                " (asymmetric KMS encryption is not implemented).");
}

void refuse_dry_run(const Json& input) {
  if (input.value("DryRun", false))
    throw AwsError("DryRunOperationException", "The request would have succeeded, but the DryRun option is set.", 412);
}

std::size_t data_key_length(const Json& input) {
  const bool spec = input.contains("KeySpec"), bytes = input.contains("NumberOfBytes");
  if (spec == bytes) throw validation_error("Please specify either number of bytes or key spec.");
  if (spec) return input["KeySpec"] == "AES_128" ? 16 : 32;
  const int n = input["NumberOfBytes"].get<int>();
  if (n < 1 || n > 1024)
    throw validation_error("1 validation error detected: Value '" + std::to_string(n) +
                           "' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or "
                           "equal to 1024 and greater than or equal to 1");
  return static_cast<std::size_t>(n);
}

std::string plaintext_of(const Json& input) {
  std::string plaintext = blob(input, "Plaintext");
  if (plaintext.empty() || plaintext.size() > kMaxPlaintext)
    throw validation_error(
        "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member "
        "must have length less than or equal to 4096 and greater than or equal to 1");
  return plaintext;
}

}  // namespace

Json Kms::Encrypt(const Json& input, const RequestContext& ctx) {
  require_symmetric_algorithm(input, "EncryptionAlgorithm");
  const std::string plaintext = plaintext_of(input);
  const Json context = context_of(input);
  const std::string key_id = input.value("KeyId", "");
  crypto_.usable_key_arn(ctx, key_id, "Encrypt");
  refuse_dry_run(input);
  const Encrypted out = crypto_.encrypt(ctx, key_id, plaintext, context);
  return {{"CiphertextBlob", base64_encode(out.ciphertext_blob)},
          {"KeyId", out.key_arn},
          {"EncryptionAlgorithm", "SYMMETRIC_DEFAULT"}};
}

Json Kms::Decrypt(const Json& input, const RequestContext& ctx) {
  require_symmetric_algorithm(input, "EncryptionAlgorithm");
  if (input.contains("Recipient"))
    throw unsupported_operation("Understudy does not implement Recipient (Nitro enclave) decryption.");
  const std::string ciphertext = blob(input, "CiphertextBlob");
  if (ciphertext.empty())
    throw validation_error(
        "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be "
        "null");
  const Decrypted out = crypto_.decrypt(ctx, ciphertext, context_of(input), input.value("KeyId", ""));
  refuse_dry_run(input);
  return {{"KeyId", out.key_arn},
          {"Plaintext", base64_encode(out.plaintext)},
          {"EncryptionAlgorithm", "SYMMETRIC_DEFAULT"}};
}

Json Kms::GenerateDataKey(const Json& input, const RequestContext& ctx) {
  if (input.contains("Recipient"))
    throw unsupported_operation("Understudy does not implement Recipient (Nitro enclave) data keys.");
  const std::size_t length = data_key_length(input);
  const std::string key_id = input.value("KeyId", "");
  crypto_.usable_key_arn(ctx, key_id, "GenerateDataKey");
  refuse_dry_run(input);
  const DataKey key = crypto_.generate_data_key(ctx, key_id, length, context_of(input));
  return {{"CiphertextBlob", base64_encode(key.ciphertext_blob)},
          {"Plaintext", base64_encode(key.plaintext)},
          {"KeyId", key.key_arn}};
}

Json Kms::GenerateDataKeyWithoutPlaintext(const Json& input, const RequestContext& ctx) {
  const std::size_t length = data_key_length(input);
  const std::string key_id = input.value("KeyId", "");
  crypto_.usable_key_arn(ctx, key_id, "GenerateDataKeyWithoutPlaintext");
  refuse_dry_run(input);
  const DataKey key =
      crypto_.generate_data_key(ctx, key_id, length, context_of(input), "GenerateDataKeyWithoutPlaintext");
  return {{"CiphertextBlob", base64_encode(key.ciphertext_blob)}, {"KeyId", key.key_arn}};
}

Json Kms::ReEncrypt(const Json& input, const RequestContext& ctx) {
  require_symmetric_algorithm(input, "SourceEncryptionAlgorithm");
  require_symmetric_algorithm(input, "DestinationEncryptionAlgorithm");
  const std::string ciphertext = blob(input, "CiphertextBlob");
  const Decrypted source =
      crypto_.decrypt(ctx, ciphertext, context_of(input, "SourceEncryptionContext"), input.value("SourceKeyId", ""));
  const std::string destination = input.value("DestinationKeyId", "");
  crypto_.usable_key_arn(ctx, destination, "ReEncrypt");
  refuse_dry_run(input);
  const Encrypted out = crypto_.encrypt(ctx, destination, source.plaintext,
                                        context_of(input, "DestinationEncryptionContext"), "ReEncrypt");
  return {{"CiphertextBlob", base64_encode(out.ciphertext_blob)},
          {"SourceKeyId", source.key_arn},
          {"KeyId", out.key_arn},
          {"SourceEncryptionAlgorithm", "SYMMETRIC_DEFAULT"},
          {"DestinationEncryptionAlgorithm", "SYMMETRIC_DEFAULT"}};
}

Json Kms::GenerateRandom(const Json& input, const RequestContext& ctx) {
  if (input.contains("CustomKeyStoreId"))
    throw unsupported_operation("Understudy does not implement custom key stores.");
  if (input.contains("Recipient"))
    throw unsupported_operation("Understudy does not implement Recipient (Nitro enclave) random bytes.");
  if (!input.contains("NumberOfBytes"))
    throw validation_error(
        "1 validation error detected: Value null at 'numberOfBytes' failed to satisfy constraint: "
        "Member must not be null");
  const int n = input["NumberOfBytes"].get<int>();
  if (n < 1 || n > 1024)
    throw validation_error("1 validation error detected: Value '" + std::to_string(n) +
                           "' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or "
                           "equal to 1024 and greater than or equal to 1");
  std::string bytes(static_cast<std::size_t>(n), '\0');
  state::random_bytes(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size());
  return {{"Plaintext", base64_encode(bytes)}};
}

}  // namespace understudy::kms
