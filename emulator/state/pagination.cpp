#include "emulator/state/pagination.hpp"

#include "emulator/core/aws_error.hpp"
#include "emulator/core/base64.hpp"
#include "emulator/core/json.hpp"

namespace understudy::state {

std::string encode_page_token(std::size_t offset, const std::string& query_fingerprint) {
  return base64_encode(Json{{"o", offset}, {"q", std::hash<std::string>{}(query_fingerprint)}}.dump());
}

std::size_t decode_page_token(const std::string& token, const std::string& query_fingerprint,
                              const std::string& error_code) {
  auto raw = base64_decode(token);
  Json parsed = raw ? Json::parse(*raw, nullptr, false) : Json();
  if (!parsed.is_object() || !parsed.contains("o") || !parsed["o"].is_number_unsigned() ||
      parsed.value("q", std::size_t{0}) != std::hash<std::string>{}(query_fingerprint))
    throw AwsError(error_code, "Invalid NextToken: the token was not issued for this request.");
  return parsed["o"].get<std::size_t>();
}

}  // namespace understudy::state
