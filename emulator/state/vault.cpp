#include "emulator/state/vault.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <stdexcept>

#include "emulator/core/base64.hpp"
#include "emulator/state/ids.hpp"

namespace understudy::state {
namespace {
constexpr std::size_t kNonce = 12, kTag = 16;

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

bool read_key(const std::string& path, std::array<unsigned char, 32>& key) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return false;
  return ::read(fd.get(), key.data(), key.size()) == static_cast<ssize_t>(key.size());
}
}  // namespace

Vault::Vault(const std::string& state_dir) {
  if (state_dir.empty()) {
    random_bytes(key_.data(), key_.size());
    return;
  }
  const std::string path = state_dir + "/master.key";
  if (read_key(path, key_)) return;
  random_bytes(key_.data(), key_.size());
  {
    // O_EXCL: two processes racing on a fresh state dir must agree on one key.
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (fd.get() >= 0) {
      if (::write(fd.get(), key_.data(), key_.size()) != static_cast<ssize_t>(key_.size()) || ::fsync(fd.get()) != 0)
        throw std::runtime_error("cannot write " + path);
      return;
    }
  }
  if (!read_key(path, key_)) throw std::runtime_error("cannot read or create " + path);
}

std::string Vault::seal(std::string_view plaintext) const {
  std::string out(kNonce + plaintext.size() + kTag, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  random_bytes(bytes, kNonce);
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_.data(), bytes) != 1 ||
      EVP_EncryptUpdate(ctx.get(), bytes + kNonce, &len, reinterpret_cast<const unsigned char*>(plaintext.data()),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), bytes + kNonce + len, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, bytes + kNonce + plaintext.size()) != 1)
    throw std::runtime_error("encryption failed");
  return base64_encode(out);
}

std::string Vault::open(std::string_view sealed) const {
  auto raw = base64_decode(sealed);
  if (!raw || raw->size() < kNonce + kTag) throw std::runtime_error("not a sealed value");
  auto* bytes = reinterpret_cast<unsigned char*>(raw->data());
  const std::size_t n = raw->size() - kNonce - kTag;
  std::string out(n, '\0');
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_.data(), bytes) != 1 ||
      EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, bytes + kNonce,
                        static_cast<int>(n)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, bytes + kNonce + n) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len, &len) != 1)
    throw std::runtime_error("the sealed value does not open under this key");
  return out;
}

}  // namespace understudy::state
