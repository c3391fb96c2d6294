#include "services/ec2/cidr.hpp"

#include <arpa/inet.h>

#include <charconv>

#include "emulator/state/ids.hpp"

namespace understudy::ec2 {
namespace {

std::optional<int> parse_prefix(std::string_view text, int max) {
  int value = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 0 || value > max) return std::nullopt;
  return value;
}

std::uint32_t mask(int prefix) { return prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix); }

// Whether the first `bits` bits of a and b agree.
bool same_prefix(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& b, int bits) {
  for (int i = 0; i < bits; ++i) {
    const int byte = i / 8, bit = 7 - i % 8;
    if (((a[byte] >> bit) & 1) != ((b[byte] >> bit) & 1)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::uint32_t> parse_ipv4(std::string_view text) {
  std::uint32_t out = 0;
  int parts = 0;
  while (!text.empty()) {
    auto dot = text.find('.');
    std::string_view part = text.substr(0, dot);
    unsigned value = 256;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || part.size() > 3 || ec != std::errc{} || end != part.data() + part.size() || value > 255)
      return std::nullopt;
    out = out << 8 | value;
    ++parts;
    if (dot == std::string_view::npos) break;
    text.remove_prefix(dot + 1);
    if (text.empty()) return std::nullopt;
  }
  if (parts != 4) return std::nullopt;
  return out;
}

std::string ipv4_text(std::uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." + std::to_string((a >> 8) & 255) + "." +
         std::to_string(a & 255);
}

std::optional<Ipv4Cidr> Ipv4Cidr::parse(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto address = parse_ipv4(text.substr(0, slash));
  auto prefix = parse_prefix(text.substr(slash + 1), 32);
  if (!address || !prefix) return std::nullopt;
  if ((*address & ~mask(*prefix)) != 0) return std::nullopt;
  return Ipv4Cidr{*address, *prefix};
}

bool Ipv4Cidr::contains(const Ipv4Cidr& other) const {
  return other.prefix >= prefix && (other.base & mask(prefix)) == base;
}

bool Ipv4Cidr::contains_address(std::uint32_t address) const { return (address & mask(prefix)) == base; }

bool Ipv4Cidr::overlaps(const Ipv4Cidr& other) const { return contains(other) || other.contains(*this); }

std::string Ipv4Cidr::str() const { return ipv4_text(base) + "/" + std::to_string(prefix); }

std::optional<Ipv6Cidr> Ipv6Cidr::parse(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto prefix = parse_prefix(text.substr(slash + 1), 128);
  if (!prefix) return std::nullopt;
  Ipv6Cidr out;
  out.prefix = *prefix;
  const std::string address(text.substr(0, slash));
  if (inet_pton(AF_INET6, address.c_str(), out.base.data()) != 1) return std::nullopt;
  for (int i = out.prefix; i < 128; ++i)
    if ((out.base[i / 8] >> (7 - i % 8)) & 1) return std::nullopt;
  return out;
}

bool Ipv6Cidr::contains(const Ipv6Cidr& other) const {
  return other.prefix >= prefix && same_prefix(base, other.base, prefix);
}

bool Ipv6Cidr::overlaps(const Ipv6Cidr& other) const { return contains(other) || other.contains(*this); }

std::string Ipv6Cidr::str() const {
  char buf[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, base.data(), buf, sizeof buf);
  return std::string(buf) + "/" + std::to_string(prefix);
}

std::string random_amazon_ipv6_block() {
  const std::string hex = state::random_hex(6);
  // Written out in full, then read back so that the text is in canonical form.
  return Ipv6Cidr::parse("2600:1f18:" + hex.substr(0, 4) + ":" + hex.substr(4, 2) + "00::/56")->str();
}

}  // namespace understudy::ec2
