// NAT gateways: CreateNatGateway, DescribeNatGateways, DeleteNatGateway. A public NAT
// gateway takes an Elastic IP and an interface in its subnet; it is available as soon
// as it is made (the create answer still says "pending", as AWS's does).
#include <array>

#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/nat_gateways.hpp"
#include "services/ec2/network_interfaces.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 5> kNatGatewayFilters{{
    {"nat-gateway-id", "NatGatewayId"},
    {"state", "State"},
    {"subnet-id", "SubnetId"},
    {"vpc-id", "VpcId"},
    {"connectivity-type", "ConnectivityType"},
}};

}  // namespace

Json Ec2::CreateNatGateway(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string subnet_id = required(input, "SubnetId");
  Json subnet = res.get(kinds::subnet, subnet_id);
  const std::string connectivity = str(input, "ConnectivityType").empty() ? "public" : str(input, "ConnectivityType");
  const std::string allocation_id = str(input, "AllocationId");
  std::optional<Json> address;
  if (connectivity == "public") {
    if (allocation_id.empty())
      throw missing_parameter("The request must contain the parameter AllocationId");
    address = res.get(kinds::address, allocation_id);
    if (address->contains("AssociationId"))
      throw AwsError("Resource.AlreadyAssociated", "Elastic IP address [" + allocation_id +
                                                       "] is already associated");
  } else if (!allocation_id.empty()) {
    throw invalid_parameter_value("AllocationId cannot be specified for a private NAT gateway");
  }

  const std::string id = new_id("nat");
  NetworkInterfaceSpec eni_spec;
  eni_spec.subnet_id = subnet_id;
  eni_spec.description = "Interface for NAT Gateway " + id;
  eni_spec.interface_type = "nat_gateway";
  eni_spec.requester_id = "amazon-nat-gateway";
  if (auto ip = str(input, "PrivateIpAddress"); !ip.empty()) eni_spec.private_ip = ip;
  // A NAT gateway's interface is in no security group.
  Json eni = create_network_interface(res, eni_spec);
  eni["Groups"] = Json::array();

  Json nat_address{{"NetworkInterfaceId", eni["NetworkInterfaceId"]},
                   {"PrivateIp", eni["PrivateIpAddress"]},
                   {"IsPrimary", true},
                   {"Status", "succeeded"}};
  if (address) {
    const std::string association_id = new_id("eipassoc");
    (*address)["AssociationId"] = association_id;
    (*address)["NetworkInterfaceId"] = eni["NetworkInterfaceId"];
    (*address)["NetworkInterfaceOwnerId"] = ctx.account;
    (*address)["PrivateIpAddress"] = eni["PrivateIpAddress"];
    res.put(kinds::address, *address);
    nat_address["AllocationId"] = allocation_id;
    nat_address["PublicIp"] = (*address)["PublicIp"];
    nat_address["AssociationId"] = association_id;
    eni["Association"] = Json{{"AllocationId", allocation_id},
                              {"AssociationId", association_id},
                              {"IpOwnerId", ctx.account},
                              {"PublicIp", (*address)["PublicIp"]}};
  }
  res.put(kinds::network_interface, eni);

  Json nat{{"NatGatewayId", id},
           {"SubnetId", subnet_id},
           {"VpcId", subnet["VpcId"]},
           {"State", "available"},
           {"ConnectivityType", connectivity},
           {"CreateTime", ctx.now},
           {"NatGatewayAddresses", Json::array({nat_address})},
           {"Tags", tags_from_specs(input, "natgateway")}};
  res.put(kinds::nat_gateway, nat);
  nat["State"] = "pending";
  return Json{{"NatGateway", public_view(nat)}, {"ClientToken", str(input, "ClientToken")}};
}

Json Ec2::DescribeNatGateways(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kNatGatewayFilters);
  return paginate(select(res, kinds::nat_gateway, input.value("NatGatewayIds", Json::array()), filters), input,
                  "NatGateways", "DescribeNatGateways");
}

Json Ec2::DeleteNatGateway(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string id = required(input, "NatGatewayId");
  Json nat = res.get(kinds::nat_gateway, id);
  if (nat.value("State", "") == "deleted") throw not_found(kinds::nat_gateway, id);
  for (auto& address : nat["NatGatewayAddresses"]) {
    release_network_interface(res, address.value("NetworkInterfaceId", ""));
    address.erase("AssociationId");
    address["Status"] = "succeeded";
  }
  nat["State"] = "deleted";
  nat["DeleteTime"] = ctx.now;
  res.put(kinds::nat_gateway, nat, ctx.now + kDeletedNatGatewayVisibleSeconds);
  return Json{{"NatGatewayId", id}};
}

void forget_deleted_nat_gateway(Resources& res, const std::string& id, double) {
  auto nat = res.find(kinds::nat_gateway, id);
  if (nat && nat->value("State", "") == "deleted") res.erase(kinds::nat_gateway, id);
}

}  // namespace understudy::ec2
