#include "services/ec2/ec2.hpp"

#include <array>

#include "services/ec2/account_defaults.hpp"
#include "services/ec2/nat_gateways.hpp"

namespace understudy::ec2 {

std::span<const Ec2::Entry> Ec2::operations() {
  static constexpr std::array<Entry, 70> kOperations{{
      {"AllocateAddress", &Ec2::AllocateAddress},
      {"AssociateAddress", &Ec2::AssociateAddress},
      {"AssociateRouteTable", &Ec2::AssociateRouteTable},
      {"AssociateVpcCidrBlock", &Ec2::AssociateVpcCidrBlock},
      {"AttachInternetGateway", &Ec2::AttachInternetGateway},
      {"AuthorizeSecurityGroupEgress", &Ec2::AuthorizeSecurityGroupEgress},
      {"AuthorizeSecurityGroupIngress", &Ec2::AuthorizeSecurityGroupIngress},
      {"CreateFlowLogs", &Ec2::CreateFlowLogs},
      {"CreateInternetGateway", &Ec2::CreateInternetGateway},
      {"CreateNatGateway", &Ec2::CreateNatGateway},
      {"CreateNetworkAcl", &Ec2::CreateNetworkAcl},
      {"CreateNetworkAclEntry", &Ec2::CreateNetworkAclEntry},
      {"CreateNetworkInterface", &Ec2::CreateNetworkInterface},
      {"CreateRoute", &Ec2::CreateRoute},
      {"CreateRouteTable", &Ec2::CreateRouteTable},
      {"CreateSecurityGroup", &Ec2::CreateSecurityGroup},
      {"CreateSubnet", &Ec2::CreateSubnet},
      {"CreateTags", &Ec2::CreateTags},
      {"CreateVpc", &Ec2::CreateVpc},
      {"CreateVpcEndpoint", &Ec2::CreateVpcEndpoint},
      {"DeleteFlowLogs", &Ec2::DeleteFlowLogs},
      {"DeleteInternetGateway", &Ec2::DeleteInternetGateway},
      {"DeleteNatGateway", &Ec2::DeleteNatGateway},
      {"DeleteNetworkAcl", &Ec2::DeleteNetworkAcl},
      {"DeleteNetworkAclEntry", &Ec2::DeleteNetworkAclEntry},
      {"DeleteNetworkInterface", &Ec2::DeleteNetworkInterface},
      {"DeleteRoute", &Ec2::DeleteRoute},
      {"DeleteRouteTable", &Ec2::DeleteRouteTable},
      {"DeleteSecurityGroup", &Ec2::DeleteSecurityGroup},
      {"DeleteSubnet", &Ec2::DeleteSubnet},
      {"DeleteTags", &Ec2::DeleteTags},
      {"DeleteVpc", &Ec2::DeleteVpc},
      {"DeleteVpcEndpoints", &Ec2::DeleteVpcEndpoints},
      {"DescribeAccountAttributes", &Ec2::DescribeAccountAttributes},
      {"DescribeAddresses", &Ec2::DescribeAddresses},
      {"DescribeAddressesAttribute", &Ec2::DescribeAddressesAttribute},
      {"DescribeAvailabilityZones", &Ec2::DescribeAvailabilityZones},
      {"DescribeFlowLogs", &Ec2::DescribeFlowLogs},
      {"DescribeInternetGateways", &Ec2::DescribeInternetGateways},
      {"DescribeManagedPrefixLists", &Ec2::DescribeManagedPrefixLists},
      {"DescribeNatGateways", &Ec2::DescribeNatGateways},
      {"DescribeNetworkAcls", &Ec2::DescribeNetworkAcls},
      {"DescribeNetworkInterfaces", &Ec2::DescribeNetworkInterfaces},
      {"DescribePrefixLists", &Ec2::DescribePrefixLists},
      {"DescribeRegions", &Ec2::DescribeRegions},
      {"DescribeRouteTables", &Ec2::DescribeRouteTables},
      {"DescribeSecurityGroupRules", &Ec2::DescribeSecurityGroupRules},
      {"DescribeSecurityGroups", &Ec2::DescribeSecurityGroups},
      {"DescribeSubnets", &Ec2::DescribeSubnets},
      {"DescribeTags", &Ec2::DescribeTags},
      {"DescribeVpcAttribute", &Ec2::DescribeVpcAttribute},
      {"DescribeVpcEndpoints", &Ec2::DescribeVpcEndpoints},
      {"DescribeVpcs", &Ec2::DescribeVpcs},
      {"DetachInternetGateway", &Ec2::DetachInternetGateway},
      {"DisassociateAddress", &Ec2::DisassociateAddress},
      {"DisassociateRouteTable", &Ec2::DisassociateRouteTable},
      {"DisassociateVpcCidrBlock", &Ec2::DisassociateVpcCidrBlock},
      {"ModifySecurityGroupRules", &Ec2::ModifySecurityGroupRules},
      {"ModifySubnetAttribute", &Ec2::ModifySubnetAttribute},
      {"ModifyVpcAttribute", &Ec2::ModifyVpcAttribute},
      {"ModifyVpcEndpoint", &Ec2::ModifyVpcEndpoint},
      {"ReleaseAddress", &Ec2::ReleaseAddress},
      {"ReplaceNetworkAclAssociation", &Ec2::ReplaceNetworkAclAssociation},
      {"ReplaceNetworkAclEntry", &Ec2::ReplaceNetworkAclEntry},
      {"ReplaceRoute", &Ec2::ReplaceRoute},
      {"ReplaceRouteTableAssociation", &Ec2::ReplaceRouteTableAssociation},
      {"RevokeSecurityGroupEgress", &Ec2::RevokeSecurityGroupEgress},
      {"RevokeSecurityGroupIngress", &Ec2::RevokeSecurityGroupIngress},
      {"UpdateSecurityGroupRuleDescriptionsEgress", &Ec2::UpdateSecurityGroupRuleDescriptionsEgress},
      {"UpdateSecurityGroupRuleDescriptionsIngress", &Ec2::UpdateSecurityGroupRuleDescriptionsIngress},
  }};
  return kOperations;
}

Json Ec2::call(std::string_view operation, const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  ensure_account_defaults(res, ctx.now);
  return ServiceWithOperations<Ec2>::call(operation, input, ctx);
}

void Ec2::on_due(const std::string& account, const std::string& region, const std::string& type,
                 const std::string& id, double now) {
  Resources res(store_, account, region);
  // A deleted NAT gateway stays visible as "deleted" for an hour, as in AWS, then goes.
  if (type == kinds::nat_gateway.store_type) forget_deleted_nat_gateway(res, id, now);
}

}  // namespace understudy::ec2
