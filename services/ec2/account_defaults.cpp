#include "services/ec2/account_defaults.hpp"

#include "emulator/topology/zones.hpp"
#include "services/ec2/vpc_parts.hpp"

namespace understudy::ec2 {
namespace {

constexpr const char* kDefaultsType = "account-defaults";
constexpr const char* kDefaultsId = "defaults";

}  // namespace

void ensure_account_defaults(Resources& res, double now) {
  if (res.find_other(kDefaultsType, kDefaultsId)) return;
  const std::string dhcp_options_id = new_id("dopt");
  res.put_other(kDefaultsType, kDefaultsId, Json{{"DhcpOptionsId", dhcp_options_id}, {"Created", now}});

  VpcSpec spec;
  spec.cidr = *Ipv4Cidr::parse("172.31.0.0/16");
  spec.is_default = true;
  spec.dhcp_options_id = dhcp_options_id;
  Json vpc = create_vpc(res, spec, now);
  const std::string vpc_id = vpc["VpcId"];

  Json igw = create_internet_gateway(res, Json::array());
  igw["Attachments"].push_back(Json{{"State", "available"}, {"VpcId", vpc_id}});
  res.put(kinds::internet_gateway, igw);
  if (auto table = main_route_table(res, vpc_id)) {
    (*table)["Routes"].push_back(Json{{"DestinationCidrBlock", "0.0.0.0/0"},
                                      {"GatewayId", igw["InternetGatewayId"]},
                                      {"Origin", "CreateRoute"},
                                      {"State", "active"}});
    res.put(kinds::route_table, *table);
  }

  // 172.31.0.0/20, 172.31.16.0/20, ... one per zone, in zone order.
  std::uint32_t next = spec.cidr.base;
  for (const auto& zone : topology::zones_in(res.region())) {
    SubnetSpec subnet;
    subnet.vpc_id = vpc_id;
    subnet.cidr = Ipv4Cidr{next, 20};
    subnet.zone = zone;
    subnet.default_for_az = true;
    create_subnet(res, subnet);
    next += 1u << 12;
  }
}

std::optional<std::string> default_vpc_id(Resources& res) {
  for (const auto& vpc : res.list(kinds::vpc))
    if (vpc.value("IsDefault", false)) return vpc["VpcId"].get<std::string>();
  return std::nullopt;
}

std::string default_dhcp_options_id(Resources& res) {
  auto defaults = res.find_other(kDefaultsType, kDefaultsId);
  return defaults ? defaults->value("DhcpOptionsId", "") : "";
}

}  // namespace understudy::ec2
