#include "services/sts/jwt.hpp"

#include <optional>
#include <string>

#include "emulator/core/base64.hpp"
#include "services/sts/errors.hpp"

namespace understudy::sts {
namespace {

std::optional<Json> decode_segment(std::string segment) {
  for (auto& c : segment) {
    if (c == '-') c = '+';
    else if (c == '_') c = '/';
    else if (c == '+' || c == '/' || c == '=') return std::nullopt;  // not base64url
  }
  auto bytes = base64_decode(segment);
  if (!bytes) return std::nullopt;
  Json value = Json::parse(*bytes, nullptr, false);
  if (value.is_discarded() || !value.is_object()) return std::nullopt;
  return value;
}

}  // namespace

Json jwt_claims(const std::string& token) {
  auto invalid = [] { return invalid_identity_token("The ID Token provided is not a valid JWT."); };
  auto first = token.find('.');
  if (first == std::string::npos) throw invalid();
  auto second = token.find('.', first + 1);
  if (second == std::string::npos || token.find('.', second + 1) != std::string::npos) throw invalid();
  auto header = decode_segment(token.substr(0, first));
  auto claims = decode_segment(token.substr(first + 1, second - first - 1));
  if (!header || !claims || !header->contains("alg")) throw invalid();
  return *claims;
}

}  // namespace understudy::sts
