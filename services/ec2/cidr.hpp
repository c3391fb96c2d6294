#pragma once
// IPv4 and IPv6 CIDR blocks: parsing as AWS accepts them (the address must be the
// network's first, no host bits), containment and overlap.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace understudy::ec2 {

struct Ipv4Cidr {
  std::uint32_t base = 0;
  int prefix = 0;

  static std::optional<Ipv4Cidr> parse(std::string_view text);
  bool contains(const Ipv4Cidr& other) const;
  bool contains_address(std::uint32_t address) const;
  bool overlaps(const Ipv4Cidr& other) const;
  std::uint64_t size() const { return std::uint64_t{1} << (32 - prefix); }
  std::string str() const;
};

std::string ipv4_text(std::uint32_t address);
std::optional<std::uint32_t> parse_ipv4(std::string_view text);

struct Ipv6Cidr {
  std::array<std::uint8_t, 16> base{};
  int prefix = 0;

  static std::optional<Ipv6Cidr> parse(std::string_view text);
  bool contains(const Ipv6Cidr& other) const;
  bool overlaps(const Ipv6Cidr& other) const;
  std::string str() const;
};

// A /56 from "Amazon's pool", as AmazonProvidedIpv6CidrBlock hands out.
std::string random_amazon_ipv6_block();

}  // namespace understudy::ec2
