#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace understudy {

std::string base64_encode(std::string_view bytes);
// nullopt when `text` is not valid base64 (padding optional).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace understudy
