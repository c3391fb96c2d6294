#include "services/kms/ciphertext.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

#include "emulator/core/base64.hpp"
#include "emulator/state/ids.hpp"

namespace understudy::kms {
namespace {

constexpr unsigned char kFormat = 0x01;
constexpr std::size_t kNonce = 12, kTag = 16, kKeyBytes = 32;

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

void append_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

// Length-prefixed pairs in key order: no two different contexts encode alike.
std::string encode_context(const Json& context) {
  std::string out;
  if (!context.is_object()) return out;
  for (const auto& [name, value] : context.items()) {  // nlohmann keeps object keys sorted
    const std::string v = value.is_string() ? value.get<std::string>() : value.dump();
    append_u32(out, static_cast<std::uint32_t>(name.size()));
    out += name;
    append_u32(out, static_cast<std::uint32_t>(v.size()));
    out += v;
  }
  return out;
}

std::string header_bytes(const BlobHeader& header) {
  if (header.key_arn.size() > 255) throw std::runtime_error("key ARN too long for a ciphertext blob");
  std::string out;
  out += static_cast<char>(kFormat);
  out += static_cast<char>(header.key_arn.size());
  out += header.key_arn;
  append_u32(out, header.material_index);
  return out;
}

std::string raw_key(const std::string& material) {
  auto key = base64_decode(material);
  if (!key || key->size() != kKeyBytes) throw std::runtime_error("KMS key material is damaged");
  return *key;
}

}  // namespace

std::string seal_blob(const BlobHeader& header, const std::string& material, std::string_view plaintext,
                      const Json& context) {
  const std::string key = raw_key(material);
  const std::string head = header_bytes(header);
  const std::string aad = head + encode_context(context);
  std::string out = head;
  const std::size_t nonce_at = out.size();
  out.resize(nonce_at + kNonce + plaintext.size() + kTag);
  auto* base = reinterpret_cast<unsigned char*>(out.data());
  unsigned char* nonce = base + nonce_at;
  unsigned char* body = nonce + kNonce;
  state::random_bytes(nonce, kNonce);
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), nonce) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), body, &len, bytes(plaintext), static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), body + len, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, body + plaintext.size()) != 1)
    throw std::runtime_error("encryption failed");
  return out;
}

std::optional<BlobHeader> read_blob_header(std::string_view blob) {
  if (blob.size() < 2 || static_cast<unsigned char>(blob[0]) != kFormat) return std::nullopt;
  const std::size_t n = static_cast<unsigned char>(blob[1]);
  if (blob.size() < 2 + n + 4 + kNonce + kTag) return std::nullopt;
  BlobHeader header;
  header.key_arn = std::string(blob.substr(2, n));
  for (std::size_t i = 0; i < 4; ++i)
    header.material_index = (header.material_index << 8) | static_cast<unsigned char>(blob[2 + n + i]);
  return header;
}

std::optional<std::string> open_blob(std::string_view blob, const std::string& material, const Json& context) {
  auto header = read_blob_header(blob);
  if (!header) return std::nullopt;
  const std::string key = raw_key(material);
  const std::size_t head_size = 2 + header->key_arn.size() + 4;
  const std::string aad = std::string(blob.substr(0, head_size)) + encode_context(context);
  const unsigned char* nonce = bytes(blob) + head_size;
  const unsigned char* body = nonce + kNonce;
  const std::size_t n = blob.size() - head_size - kNonce - kTag;
  std::string out(n, '\0');
  auto* plain = reinterpret_cast<unsigned char*>(out.data());
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  std::string tag(reinterpret_cast<const char*>(body + n), kTag);
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), nonce) != 1 ||
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) != 1 ||
      EVP_DecryptUpdate(ctx.get(), plain, &len, body, static_cast<int>(n)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), plain + len, &len) != 1)
    return std::nullopt;
  return out;
}

}  // namespace understudy::kms
