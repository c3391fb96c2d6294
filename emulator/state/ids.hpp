#pragma once
// Identifiers in AWS's formats.
#include <string>

namespace understudy::state {

std::string random_hex(std::size_t length);             // lower-case hex
std::string random_alnum(std::size_t length);           // [A-Za-z0-9]
std::string random_upper_alnum(std::size_t length);     // [A-Z0-9], as access key ids
std::string uuid4();                                    // 8-4-4-4-12 lower-case
std::string request_id();                               // a uuid4, as AWS request ids
// Fills `out` from the OS's random source (for keys and passwords).
void random_bytes(unsigned char* out, std::size_t length);

}  // namespace understudy::state
