#pragma once
// A secret's value on its way in and out: SecretString or SecretBinary (base64 in the
// Json value), checked against AWS's limits, and sealed by the Vault before it is stored.
#include <optional>
#include <string>

#include "emulator/core/json.hpp"
#include "emulator/state/vault.hpp"
#include "services/secretsmanager/secret_record.hpp"

namespace understudy::secretsmanager {

inline constexpr std::size_t kMaxValueBytes = 65536;

struct SecretValue {
  std::string text;  // SecretString, or SecretBinary's base64
  bool binary = false;
  bool operator==(const SecretValue&) const = default;
};

// The value a request carries, if any. Throws InvalidParameterException for both at
// once, an empty or oversized value, or SecretBinary that is not base64.
std::optional<SecretValue> value_from_input(const Json& input);

std::string seal_value(const state::Vault& vault, const SecretValue& value);
// Throws DecryptionFailure if the stored text cannot be opened under this vault's key.
SecretValue open_value(const state::Vault& vault, const SecretVersion& version);
// Adds SecretString or SecretBinary to an output.
void write_value(Json& out, const SecretValue& value);

}  // namespace understudy::secretsmanager
