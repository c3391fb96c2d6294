#pragma once
// The ciphertext blobs KMS hands out. AWS's are opaque, but carry which key made them so
// that Decrypt needs no KeyId; ours do the same:
//
//   0x01 | u8 n | key ARN (n bytes) | u32 material index (big endian) | 12-byte nonce |
//   AES-256-GCM ciphertext | 16-byte tag
//
// with everything before the nonce, then the encryption context, as additional
// authenticated data: changing the key named in a blob, or decrypting under another
// context, fails authentication rather than decrypting to garbage.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "emulator/core/json.hpp"

namespace understudy::kms {

struct BlobHeader {
  std::string key_arn;
  std::uint32_t material_index = 0;
};

// `material` is a base64 AES-256 key; `context` a JSON object of strings.
std::string seal_blob(const BlobHeader& header, const std::string& material, std::string_view plaintext,
                      const Json& context);
// nullopt for anything that is not one of our blobs.
std::optional<BlobHeader> read_blob_header(std::string_view blob);
// nullopt when authentication fails (another key, another context, a changed byte).
std::optional<std::string> open_blob(std::string_view blob, const std::string& material, const Json& context);

}  // namespace understudy::kms
