#pragma once
// The hashes SigV4 is built from.
#include <string>
#include <string_view>

namespace understudy::auth {

std::string sha256_hex(std::string_view data);
// Raw 32-byte MAC.
std::string hmac_sha256(std::string_view key, std::string_view data);
std::string to_hex(std::string_view bytes);

}  // namespace understudy::auth
