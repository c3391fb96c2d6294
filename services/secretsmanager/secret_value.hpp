#pragma once
// A secret's value on its way in and out: SecretString or SecretBinary (base64 in the
// Json value), checked against AWS's limits. SecretCipher protects it in the store.
#include <optional>
#include <string>

#include "emulator/core/json.hpp"

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

// Adds SecretString or SecretBinary to an output.
void write_value(Json& out, const SecretValue& value);

}  // namespace understudy::secretsmanager
