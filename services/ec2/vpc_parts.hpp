#pragma once
// The pieces a VPC is made of, built the way AWS builds them: a VPC comes with its main
// route table, default network ACL and default security group; a subnet starts in the
// default ACL. Shared by CreateVpc/CreateSubnet/... and by the default VPC.
#include <optional>
#include <string>

#include "emulator/core/json.hpp"
#include "emulator/topology/zones.hpp"
#include "services/ec2/cidr.hpp"
#include "services/ec2/resources.hpp"

namespace understudy::ec2 {

struct VpcSpec {
  Ipv4Cidr cidr;
  bool is_default = false;
  bool amazon_ipv6 = false;
  std::string instance_tenancy = "default";
  std::string dhcp_options_id;
  Json tags = Json::array();
};

// Stores the VPC and its main route table, default network ACL and default security group.
Json create_vpc(Resources& res, const VpcSpec& spec, double now);

struct SubnetSpec {
  std::string vpc_id;
  Ipv4Cidr cidr;
  topology::Zone zone;
  bool default_for_az = false;
  std::optional<std::string> ipv6_cidr;
  Json tags = Json::array();
};
Json create_subnet(Resources& res, const SubnetSpec& spec);

Json create_route_table(Resources& res, const Json& vpc, bool main, const Json& tags);
Json create_network_acl(Resources& res, const Json& vpc, bool is_default, const Json& tags);
Json create_security_group(Resources& res, const Json& vpc, const std::string& name, const std::string& description,
                           bool is_default, const Json& tags);
Json create_internet_gateway(Resources& res, const Json& tags);

// The VPC's main route table and default network ACL (every VPC has exactly one).
std::optional<Json> main_route_table(Resources& res, const std::string& vpc_id);
std::optional<Json> default_network_acl(Resources& res, const std::string& vpc_id);
std::optional<Json> default_security_group(Resources& res, const std::string& vpc_id);

// The IPv4 blocks a VPC holds (its primary and any associated ones).
std::vector<Ipv4Cidr> vpc_ipv4_blocks(const Json& vpc);
std::vector<Ipv6Cidr> vpc_ipv6_blocks(const Json& vpc);

std::string resource_arn(const Resources& res, std::string_view type, const std::string& id);

}  // namespace understudy::ec2
