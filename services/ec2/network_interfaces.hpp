#pragma once
// Elastic network interfaces. Besides CreateNetworkInterface, other services make an ENI
// for each node they place in a user's subnet (an RDS instance, a cache node, a NAT
// gateway, an interface endpoint), so that it shows in DescribeNetworkInterfaces, takes
// an address from the subnet, and keeps the subnet and its security groups from being
// deleted while it exists, as in AWS. Call these from inside a request (the store
// transaction the dispatcher opened); errors are AwsError with EC2's codes.
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/json.hpp"
#include "emulator/state/store.hpp"
#include "services/ec2/resources.hpp"

namespace understudy::ec2 {

struct NetworkInterfaceSpec {
  std::string subnet_id;
  std::string description;
  // Empty: the VPC's default security group, as AWS does.
  std::vector<std::string> security_group_ids;
  // "interface" for the user's own; "nat_gateway", "vpc_endpoint", "interface" with a
  // requester for one made by a service.
  std::string interface_type = "interface";
  // A service that manages the interface ("amazon-rds", ...): the user may not delete it.
  std::string requester_id;
  std::optional<std::string> private_ip;
  Json tags = Json::array();
};

// Where a subnet is: what a service needs to place a node in it.
struct SubnetPlacement {
  std::string subnet_id;
  std::string vpc_id;
  std::string availability_zone;     // "us-east-1a"
  std::string availability_zone_id;  // "use1-az1"
  std::string cidr_block;
};

struct NetworkInterfaceInfo {
  std::string network_interface_id;
  std::string private_ip_address;
  std::string private_dns_name;
  SubnetPlacement placement;
};

// The subnet, or nullopt if the account has no such subnet in the region.
std::optional<SubnetPlacement> find_subnet(state::Store& store, const std::string& account, const std::string& region,
                                           const std::string& subnet_id);
NetworkInterfaceInfo create_network_interface(state::Store& store, const std::string& account,
                                              const std::string& region, const NetworkInterfaceSpec& spec);
// Absent interfaces are fine: the caller is cleaning up.
void delete_network_interface(state::Store& store, const std::string& account, const std::string& region,
                              const std::string& network_interface_id);

// The same, inside EC2 (returns the stored interface).
Json create_network_interface(Resources& res, const NetworkInterfaceSpec& spec);
void release_network_interface(Resources& res, const std::string& network_interface_id);

}  // namespace understudy::ec2
