#include "services/ec2/kinds.hpp"

#include <array>

#include "emulator/state/ids.hpp"

namespace understudy::ec2 {

namespace kinds {
const Kind vpc{"vpc", "vpc", "VpcId", "Tags", "vpc", "InvalidVpcID.NotFound", "vpc ID"};
const Kind subnet{"subnet", "subnet", "SubnetId", "Tags", "subnet", "InvalidSubnetID.NotFound", "subnet ID"};
const Kind security_group{"security-group", "sg", "GroupId", "Tags", "security-group", "InvalidGroup.NotFound",
                          "security group"};
const Kind route_table{"route-table", "rtb", "RouteTableId", "Tags", "route-table", "InvalidRouteTableID.NotFound",
                       "routeTable ID"};
const Kind internet_gateway{"internet-gateway", "igw",          "InternetGatewayId", "Tags", "internet-gateway",
                            "InvalidInternetGatewayID.NotFound", "internetGateway ID"};
const Kind nat_gateway{"nat-gateway", "nat", "NatGatewayId", "Tags", "natgateway", "NatGatewayNotFound", "Nat Gateway"};
const Kind address{"address", "eipalloc", "AllocationId", "Tags", "elastic-ip", "InvalidAllocationID.NotFound",
                   "allocation ID"};
const Kind network_acl{"network-acl", "acl", "NetworkAclId", "Tags", "network-acl", "InvalidNetworkAclID.NotFound",
                       "networkAcl ID"};
const Kind vpc_endpoint{"vpc-endpoint", "vpce", "VpcEndpointId", "Tags", "vpc-endpoint",
                        "InvalidVpcEndpointId.NotFound", "Vpc Endpoint Id"};
const Kind flow_log{"flow-log", "fl", "FlowLogId", "Tags", "vpc-flow-log", "InvalidFlowLogId.NotFound", "flow log"};
const Kind network_interface{"network-interface", "eni", "NetworkInterfaceId", "TagSet", "network-interface",
                             "InvalidNetworkInterfaceID.NotFound", "networkInterface ID"};
}  // namespace kinds

namespace {
constexpr std::array<const Kind*, 11> kTaggable{
    &kinds::vpc,         &kinds::subnet,      &kinds::security_group, &kinds::route_table,
    &kinds::internet_gateway, &kinds::nat_gateway, &kinds::address,   &kinds::network_acl,
    &kinds::vpc_endpoint, &kinds::flow_log,   &kinds::network_interface,
};

std::string quoted_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return "'" + out + "'";
}
}  // namespace

std::span<const Kind* const> taggable_kinds() { return kTaggable; }

const Kind* kind_of_id(std::string_view id) {
  auto dash = id.find('-');
  if (dash == std::string_view::npos) return nullptr;
  for (const Kind* kind : kTaggable)
    if (id.substr(0, dash) == kind->id_prefix) return kind;
  return nullptr;
}

std::string new_id(std::string_view prefix) { return std::string(prefix) + "-" + state::random_hex(17); }

AwsError not_found(const Kind& kind, const std::vector<std::string>& ids) {
  const bool many = ids.size() > 1;
  if (kind.store_type == kinds::nat_gateway.store_type)
    return AwsError(std::string(kind.not_found_code),
                    std::string(many ? "The Nat Gateways " : "The Nat Gateway ") +
                        quoted_list(ids).substr(1, quoted_list(ids).size() - 2) + (many ? " were not found" : " was not found"));
  if (kind.store_type == kinds::security_group.store_type)
    return AwsError(std::string(kind.not_found_code),
                    std::string(many ? "The security groups " : "The security group ") + quoted_list(ids) +
                        (many ? " do not exist" : " does not exist"));
  if (kind.store_type == kinds::flow_log.store_type)
    return AwsError(std::string(kind.not_found_code), "Flow log " + quoted_list(ids) + " does not exist");
  std::string noun(kind.noun);
  return AwsError(std::string(kind.not_found_code), "The " + noun + (many ? "s " : " ") + quoted_list(ids) +
                                                        (many ? " do not exist" : " does not exist"));
}

}  // namespace understudy::ec2
