#include "services/secretsmanager/secret_value.hpp"

#include "emulator/core/base64.hpp"
#include "services/secretsmanager/errors.hpp"

namespace understudy::secretsmanager {
namespace {

AwsError too_large() {
  return invalid_parameter("The secret value exceeds the maximum size of " + std::to_string(kMaxValueBytes) +
                           " bytes.");
}

}  // namespace

std::optional<SecretValue> value_from_input(const Json& input) {
  const bool has_string = input.contains("SecretString") && !input["SecretString"].is_null();
  const bool has_binary = input.contains("SecretBinary") && !input["SecretBinary"].is_null();
  if (has_string && has_binary)
    throw invalid_parameter("You can't specify both a binary secret value and a string secret value in the same secret.");
  if (has_string) {
    auto text = input["SecretString"].get<std::string>();
    if (text.empty()) throw invalid_parameter("You must provide a non-empty value for SecretString.");
    if (text.size() > kMaxValueBytes) throw too_large();
    return SecretValue{std::move(text), false};
  }
  if (has_binary) {
    auto text = input["SecretBinary"].get<std::string>();
    auto bytes = base64_decode(text);
    if (!bytes) throw invalid_parameter("SecretBinary is not valid base64.");
    if (bytes->empty()) throw invalid_parameter("You must provide a non-empty value for SecretBinary.");
    if (bytes->size() > kMaxValueBytes) throw too_large();
    return SecretValue{base64_encode(*bytes), true};
  }
  return std::nullopt;
}

void write_value(Json& out, const SecretValue& value) {
  out[value.binary ? "SecretBinary" : "SecretString"] = value.text;
}

}  // namespace understudy::secretsmanager
