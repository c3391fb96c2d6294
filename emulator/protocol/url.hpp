#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace understudy::protocol {

std::string percent_decode(std::string_view text, bool plus_is_space);
std::string percent_encode(std::string_view text, bool keep_slash);
// a=b&c=d (form body or query string), decoded, in order
std::vector<std::pair<std::string, std::string>> parse_form(std::string_view text);

}  // namespace understudy::protocol
