#include "emulator/state/ids.hpp"

#include <openssl/rand.h>

#include <stdexcept>

namespace understudy::state {
namespace {
std::string random_from(std::string_view alphabet, std::size_t length) {
  std::string out(length, '\0');
  // Rejection sampling keeps every character equally likely.
  const unsigned limit = 256 - 256 % alphabet.size();
  std::size_t filled = 0;
  unsigned char buf[64];
  while (filled < length) {
    random_bytes(buf, sizeof buf);
    for (unsigned char c : buf) {
      if (c >= limit) continue;
      out[filled++] = alphabet[c % alphabet.size()];
      if (filled == length) break;
    }
  }
  return out;
}
}  // namespace

void random_bytes(unsigned char* out, std::size_t length) {
  if (RAND_bytes(out, static_cast<int>(length)) != 1) throw std::runtime_error("no randomness from OpenSSL");
}

std::string random_hex(std::size_t length) { return random_from("0123456789abcdef", length); }

std::string random_alnum(std::size_t length) {
  return random_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}

std::string random_upper_alnum(std::size_t length) { return random_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length); }

std::string uuid4() {
  unsigned char b[16];
  random_bytes(b, sizeof b);
  b[6] = (b[6] & 0x0F) | 0x40;
  b[8] = (b[8] & 0x3F) | 0x80;
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[b[i] >> 4];
    out += hex[b[i] & 15];
  }
  return out;
}

std::string request_id() { return uuid4(); }

}  // namespace understudy::state
