#pragma once
// Amazon EC2's networking: VPCs and what lives in them, Availability Zones and regions.
// No packet is routed; every answer is what AWS gives, so the Terraform provider and
// the SDKs apply, re-read and destroy as against AWS. Each operation is a member named
// after it; the handlers are grouped by resource in *_operations.cpp.
#include <span>

#include "emulator/core/service.hpp"
#include "emulator/state/clock.hpp"
#include "emulator/state/store.hpp"
#include "emulator/topology/zones.hpp"
#include "services/ec2/resources.hpp"

namespace understudy::ec2 {

class Ec2 : public ServiceWithOperations<Ec2> {
 public:
  Ec2(state::Store& store, state::Clock& clock) : store_(store), clock_(clock) {}
  std::string_view model_name() const override { return "ec2"; }
  static std::span<const Entry> operations();
  // Every account starts with a default VPC in each region, made the first time the
  // account calls EC2 there.
  Json call(std::string_view operation, const Json& input, const RequestContext& ctx) override;
  void on_due(const std::string& account, const std::string& region, const std::string& type, const std::string& id,
              double now) override;
  // A reset brings every zone back up: tests start from a healthy region.
  void reset() override { topology::zone_health().reset(); }

  // zone_operations.cpp
  Json DescribeAvailabilityZones(const Json& input, const RequestContext& ctx);
  Json DescribeRegions(const Json& input, const RequestContext& ctx);
  Json DescribeAccountAttributes(const Json& input, const RequestContext& ctx);
  // vpc_operations.cpp
  Json CreateVpc(const Json& input, const RequestContext& ctx);
  Json DescribeVpcs(const Json& input, const RequestContext& ctx);
  Json DeleteVpc(const Json& input, const RequestContext& ctx);
  Json DescribeVpcAttribute(const Json& input, const RequestContext& ctx);
  Json ModifyVpcAttribute(const Json& input, const RequestContext& ctx);
  Json AssociateVpcCidrBlock(const Json& input, const RequestContext& ctx);
  Json DisassociateVpcCidrBlock(const Json& input, const RequestContext& ctx);
  // subnet_operations.cpp
  Json CreateSubnet(const Json& input, const RequestContext& ctx);
  Json DescribeSubnets(const Json& input, const RequestContext& ctx);
  Json DeleteSubnet(const Json& input, const RequestContext& ctx);
  Json ModifySubnetAttribute(const Json& input, const RequestContext& ctx);
  // internet_gateway_operations.cpp
  Json CreateInternetGateway(const Json& input, const RequestContext& ctx);
  Json DescribeInternetGateways(const Json& input, const RequestContext& ctx);
  Json DeleteInternetGateway(const Json& input, const RequestContext& ctx);
  Json AttachInternetGateway(const Json& input, const RequestContext& ctx);
  Json DetachInternetGateway(const Json& input, const RequestContext& ctx);
  // nat_gateway_operations.cpp
  Json CreateNatGateway(const Json& input, const RequestContext& ctx);
  Json DescribeNatGateways(const Json& input, const RequestContext& ctx);
  Json DeleteNatGateway(const Json& input, const RequestContext& ctx);
  // address_operations.cpp
  Json AllocateAddress(const Json& input, const RequestContext& ctx);
  Json ReleaseAddress(const Json& input, const RequestContext& ctx);
  Json DescribeAddresses(const Json& input, const RequestContext& ctx);
  Json AssociateAddress(const Json& input, const RequestContext& ctx);
  Json DisassociateAddress(const Json& input, const RequestContext& ctx);
  Json DescribeAddressesAttribute(const Json& input, const RequestContext& ctx);
  // route_table_operations.cpp
  Json CreateRouteTable(const Json& input, const RequestContext& ctx);
  Json DeleteRouteTable(const Json& input, const RequestContext& ctx);
  Json DescribeRouteTables(const Json& input, const RequestContext& ctx);
  Json AssociateRouteTable(const Json& input, const RequestContext& ctx);
  Json DisassociateRouteTable(const Json& input, const RequestContext& ctx);
  Json ReplaceRouteTableAssociation(const Json& input, const RequestContext& ctx);
  // route_operations.cpp
  Json CreateRoute(const Json& input, const RequestContext& ctx);
  Json ReplaceRoute(const Json& input, const RequestContext& ctx);
  Json DeleteRoute(const Json& input, const RequestContext& ctx);
  // security_group_operations.cpp
  Json CreateSecurityGroup(const Json& input, const RequestContext& ctx);
  Json DeleteSecurityGroup(const Json& input, const RequestContext& ctx);
  Json DescribeSecurityGroups(const Json& input, const RequestContext& ctx);
  // security_group_rule_operations.cpp
  Json AuthorizeSecurityGroupIngress(const Json& input, const RequestContext& ctx);
  Json AuthorizeSecurityGroupEgress(const Json& input, const RequestContext& ctx);
  Json RevokeSecurityGroupIngress(const Json& input, const RequestContext& ctx);
  Json RevokeSecurityGroupEgress(const Json& input, const RequestContext& ctx);
  Json DescribeSecurityGroupRules(const Json& input, const RequestContext& ctx);
  Json ModifySecurityGroupRules(const Json& input, const RequestContext& ctx);
  Json UpdateSecurityGroupRuleDescriptionsIngress(const Json& input, const RequestContext& ctx);
  Json UpdateSecurityGroupRuleDescriptionsEgress(const Json& input, const RequestContext& ctx);
  // network_acl_operations.cpp
  Json CreateNetworkAcl(const Json& input, const RequestContext& ctx);
  Json DeleteNetworkAcl(const Json& input, const RequestContext& ctx);
  Json DescribeNetworkAcls(const Json& input, const RequestContext& ctx);
  Json CreateNetworkAclEntry(const Json& input, const RequestContext& ctx);
  Json ReplaceNetworkAclEntry(const Json& input, const RequestContext& ctx);
  Json DeleteNetworkAclEntry(const Json& input, const RequestContext& ctx);
  Json ReplaceNetworkAclAssociation(const Json& input, const RequestContext& ctx);
  // vpc_endpoint_operations.cpp
  Json CreateVpcEndpoint(const Json& input, const RequestContext& ctx);
  Json DescribeVpcEndpoints(const Json& input, const RequestContext& ctx);
  Json ModifyVpcEndpoint(const Json& input, const RequestContext& ctx);
  Json DeleteVpcEndpoints(const Json& input, const RequestContext& ctx);
  // prefix_list_operations.cpp
  Json DescribePrefixLists(const Json& input, const RequestContext& ctx);
  Json DescribeManagedPrefixLists(const Json& input, const RequestContext& ctx);
  // flow_log_operations.cpp
  Json CreateFlowLogs(const Json& input, const RequestContext& ctx);
  Json DescribeFlowLogs(const Json& input, const RequestContext& ctx);
  Json DeleteFlowLogs(const Json& input, const RequestContext& ctx);
  // network_interface_operations.cpp
  Json CreateNetworkInterface(const Json& input, const RequestContext& ctx);
  Json DeleteNetworkInterface(const Json& input, const RequestContext& ctx);
  Json DescribeNetworkInterfaces(const Json& input, const RequestContext& ctx);
  // tag_operations.cpp
  Json CreateTags(const Json& input, const RequestContext& ctx);
  Json DeleteTags(const Json& input, const RequestContext& ctx);
  Json DescribeTags(const Json& input, const RequestContext& ctx);

 private:
  Resources resources(const RequestContext& ctx) { return Resources(store_, ctx.account, ctx.region); }

  state::Store& store_;
  state::Clock& clock_;
};

}  // namespace understudy::ec2
