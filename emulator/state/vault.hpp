#pragma once
// Encryption at rest of secret values: AES-256-GCM under a master key kept in the state
// directory (0600), or held in memory for an ephemeral store.
#include <array>
#include <string>
#include <string_view>

namespace understudy::state {

class Vault {
 public:
  // Reads `<state_dir>/master.key`, creating it on first use; an empty state_dir gives a
  // key that lives only as long as this process.
  explicit Vault(const std::string& state_dir);
  // base64 of nonce || ciphertext || tag
  std::string seal(std::string_view plaintext) const;
  // Throws std::runtime_error if the text was not sealed under this key.
  std::string open(std::string_view sealed) const;

 private:
  std::array<unsigned char, 32> key_{};
};

}  // namespace understudy::state
