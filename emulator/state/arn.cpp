#include "emulator/state/arn.hpp"

namespace understudy::state {

std::string Arn::str() const {
  return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
}

std::optional<Arn> Arn::parse(const std::string& text) {
  // The resource part may itself hold colons (secret:name-AbCdEf), so split five times only.
  if (text.rfind("arn:", 0) != 0) return std::nullopt;
  std::string parts[5];
  std::size_t start = 4;
  for (int i = 0; i < 4; ++i) {
    auto colon = text.find(':', start);
    if (colon == std::string::npos) return std::nullopt;
    parts[i] = text.substr(start, colon - start);
    start = colon + 1;
  }
  parts[4] = text.substr(start);
  if (parts[0].empty() || parts[1].empty() || parts[4].empty()) return std::nullopt;
  return Arn{parts[0], parts[1], parts[2], parts[3], parts[4]};
}

std::string make_arn(const std::string& service, const std::string& region, const std::string& account,
                     const std::string& resource) {
  return Arn{"aws", service, region, account, resource}.str();
}

}  // namespace understudy::state
