// VPCs: CreateVpc, DescribeVpcs, DeleteVpc, their attributes and extra CIDR blocks.
#include <array>

#include "services/ec2/account_defaults.hpp"
#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/vpc_parts.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 15> kVpcFilters{{
    {"vpc-id", "VpcId"},
    {"cidr", "CidrBlock"},
    {"cidr-block-association.cidr-block", "CidrBlockAssociationSet[].CidrBlock"},
    {"cidr-block-association.association-id", "CidrBlockAssociationSet[].AssociationId"},
    {"cidr-block-association.state", "CidrBlockAssociationSet[].CidrBlockState.State"},
    {"dhcp-options-id", "DhcpOptionsId"},
    {"ipv6-cidr-block-association.ipv6-cidr-block", "Ipv6CidrBlockAssociationSet[].Ipv6CidrBlock"},
    {"ipv6-cidr-block-association.association-id", "Ipv6CidrBlockAssociationSet[].AssociationId"},
    {"ipv6-cidr-block-association.state", "Ipv6CidrBlockAssociationSet[].Ipv6CidrBlockState.State"},
    {"ipv6-cidr-block-association.ipv6-pool", "Ipv6CidrBlockAssociationSet[].Ipv6Pool"},
    {"is-default", "IsDefault"},
    {"isDefault", "IsDefault"},
    {"owner-id", "OwnerId"},
    {"state", "State"},
    {"instance-tenancy", "InstanceTenancy"},
}};

struct VpcAttribute {
  std::string_view name;    // as DescribeVpcAttribute's Attribute says it
  std::string_view member;  // the output and ModifyVpcAttribute member
};
constexpr std::array<VpcAttribute, 3> kAttributes{{
    {"enableDnsSupport", "EnableDnsSupport"},
    {"enableDnsHostnames", "EnableDnsHostnames"},
    {"enableNetworkAddressUsageMetrics", "EnableNetworkAddressUsageMetrics"},
}};

Ipv4Cidr parse_vpc_cidr(const std::string& text) {
  auto cidr = Ipv4Cidr::parse(text);
  if (!cidr)
    throw invalid_parameter_value("Value (" + text + ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
  if (cidr->prefix < 16 || cidr->prefix > 28) throw AwsError("InvalidVpc.Range", "The CIDR '" + text + "' is invalid.");
  return *cidr;
}

AwsError dependency_violation(const std::string& vpc_id) {
  return AwsError("DependencyViolation", "The vpc '" + vpc_id + "' has dependencies and cannot be deleted.");
}

// Adds or removes a VPC block's local route in every route table of the VPC.
void update_local_routes(Resources& res, const std::string& vpc_id, const char* member, const std::string& block,
                         bool add) {
  for (auto& table : res.list_where(kinds::route_table, "VpcId", vpc_id)) {
    Json routes = Json::array();
    for (const auto& route : table["Routes"])
      if (!(route.value(member, "") == block && route.value("GatewayId", "") == "local")) routes.push_back(route);
    if (add)
      routes.push_back(Json{{member, block}, {"GatewayId", "local"}, {"Origin", "CreateRouteTable"}, {"State", "active"}});
    table["Routes"] = routes;
    res.put(kinds::route_table, table);
  }
}

}  // namespace

Json Ec2::CreateVpc(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  if (str(input, "CidrBlock").empty() && !input.contains("Ipv4IpamPoolId"))
    throw missing_parameter("Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
  if (input.contains("Ipv4IpamPoolId"))
    throw invalid_parameter_value("Understudy does not support IPAM pools; pass CidrBlock");
  VpcSpec spec;
  spec.cidr = parse_vpc_cidr(str(input, "CidrBlock"));
  spec.amazon_ipv6 = boolean(input, "AmazonProvidedIpv6CidrBlock").value_or(false);
  if (auto tenancy = str(input, "InstanceTenancy"); !tenancy.empty()) spec.instance_tenancy = tenancy;
  spec.dhcp_options_id = default_dhcp_options_id(res);
  spec.tags = tags_from_specs(input, "vpc");
  Json vpc = public_view(create_vpc(res, spec, ctx.now));
  // AWS answers while the VPC is still being made; it is available at the next look.
  vpc["State"] = "pending";
  return Json{{"Vpc", vpc}};
}

Json Ec2::DescribeVpcs(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kVpcFilters);
  return paginate(select(res, kinds::vpc, input.value("VpcIds", Json::array()), filters), input, "Vpcs",
                  "DescribeVpcs");
}

Json Ec2::DeleteVpc(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string vpc_id = required(input, "VpcId");
  res.get(kinds::vpc, vpc_id);
  if (!res.list_where(kinds::subnet, "VpcId", vpc_id).empty()) throw dependency_violation(vpc_id);
  for (const auto& igw : res.list(kinds::internet_gateway))
    for (const auto& attachment : igw["Attachments"])
      if (attachment.value("VpcId", "") == vpc_id) throw dependency_violation(vpc_id);
  for (const auto& group : res.list_where(kinds::security_group, "VpcId", vpc_id))
    if (!group.value("_default", false)) throw dependency_violation(vpc_id);
  for (const auto& table : res.list_where(kinds::route_table, "VpcId", vpc_id)) {
    bool main = false;
    for (const auto& assoc : table["Associations"]) main = main || assoc.value("Main", false);
    if (!main) throw dependency_violation(vpc_id);
  }
  for (const auto& acl : res.list_where(kinds::network_acl, "VpcId", vpc_id))
    if (!acl.value("IsDefault", false)) throw dependency_violation(vpc_id);
  if (!res.list_where(kinds::vpc_endpoint, "VpcId", vpc_id).empty()) throw dependency_violation(vpc_id);
  if (!res.list_where(kinds::network_interface, "VpcId", vpc_id).empty()) throw dependency_violation(vpc_id);

  for (const auto& table : res.list_where(kinds::route_table, "VpcId", vpc_id))
    res.erase(kinds::route_table, table["RouteTableId"]);
  for (const auto& acl : res.list_where(kinds::network_acl, "VpcId", vpc_id))
    res.erase(kinds::network_acl, acl["NetworkAclId"]);
  for (const auto& group : res.list_where(kinds::security_group, "VpcId", vpc_id))
    res.erase(kinds::security_group, group["GroupId"]);
  for (const auto& log : res.list_where(kinds::flow_log, "ResourceId", vpc_id)) res.erase(kinds::flow_log, log["FlowLogId"]);
  res.erase(kinds::vpc, vpc_id);
  return Json::object();
}

Json Ec2::DescribeVpcAttribute(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string vpc_id = required(input, "VpcId");
  const std::string attribute = required(input, "Attribute");
  Json vpc = res.get(kinds::vpc, vpc_id);
  for (const auto& a : kAttributes)
    if (a.name == attribute)
      return Json{{"VpcId", vpc_id}, {std::string(a.member), {{"Value", vpc.value("_" + std::string(a.name), false)}}}};
  throw invalid_parameter_value("Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
}

Json Ec2::ModifyVpcAttribute(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string vpc_id = required(input, "VpcId");
  Json vpc = res.get(kinds::vpc, vpc_id);
  int changed = 0;
  for (const auto& a : kAttributes) {
    if (auto value = boolean(input, a.member)) {
      vpc["_" + std::string(a.name)] = *value;
      ++changed;
    }
  }
  if (changed == 0) throw missing_parameter("The request must contain exactly one attribute to modify");
  if (changed > 1)
    throw AwsError("InvalidParameterCombination", "Fields for multiple attribute types specified: " +
                                                      std::string("enableDnsSupport, enableDnsHostnames"));
  if (vpc.value("_enableDnsHostnames", false) && !vpc.value("_enableDnsSupport", true))
    throw invalid_parameter_value("Cannot enable DNS hostnames for a VPC that has DNS support disabled");
  res.put(kinds::vpc, vpc);
  return Json::object();
}

Json Ec2::AssociateVpcCidrBlock(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string vpc_id = required(input, "VpcId");
  Json vpc = res.get(kinds::vpc, vpc_id);
  Json out{{"VpcId", vpc_id}};
  if (auto text = str(input, "CidrBlock"); !text.empty()) {
    const Ipv4Cidr cidr = parse_vpc_cidr(text);
    for (const auto& existing : vpc_ipv4_blocks(vpc))
      if (existing.overlaps(cidr))
        throw AwsError("InvalidVpc.Range", "The CIDR '" + text + "' overlaps with the CIDR '" + existing.str() +
                                               "' already associated with the VPC '" + vpc_id + "'.");
    if (vpc["CidrBlockAssociationSet"].size() >= 5)
      throw AwsError("CidrLimitExceeded", "This network '" + vpc_id + "' has met its maximum number of allowed CIDRs: 5");
    Json assoc{{"AssociationId", new_id("vpc-cidr-assoc")}, {"CidrBlock", cidr.str()},
               {"CidrBlockState", {{"State", "associated"}}}};
    vpc["CidrBlockAssociationSet"].push_back(assoc);
    update_local_routes(res, vpc_id, "DestinationCidrBlock", cidr.str(), true);
    assoc["CidrBlockState"]["State"] = "associating";
    out["CidrBlockAssociation"] = assoc;
  } else if (boolean(input, "AmazonProvidedIpv6CidrBlock").value_or(false)) {
    if (!vpc["Ipv6CidrBlockAssociationSet"].empty())
      throw AwsError("CidrLimitExceeded", "This network '" + vpc_id + "' has met its maximum number of allowed CIDRs: 1");
    Json assoc{{"AssociationId", new_id("vpc-cidr-assoc")},
               {"Ipv6CidrBlock", random_amazon_ipv6_block()},
               {"Ipv6CidrBlockState", {{"State", "associated"}}},
               {"NetworkBorderGroup", ctx.region},
               {"Ipv6Pool", "Amazon"}};
    vpc["Ipv6CidrBlockAssociationSet"].push_back(assoc);
    update_local_routes(res, vpc_id, "DestinationIpv6CidrBlock", assoc["Ipv6CidrBlock"], true);
    assoc["Ipv6CidrBlockState"]["State"] = "associating";
    out["Ipv6CidrBlockAssociation"] = assoc;
  } else {
    throw missing_parameter("Either 'cidrBlock' or 'amazonProvidedIpv6CidrBlock' should be provided.");
  }
  res.put(kinds::vpc, vpc);
  return out;
}

Json Ec2::DisassociateVpcCidrBlock(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string association_id = required(input, "AssociationId");
  for (auto& vpc : res.list(kinds::vpc)) {
    const std::string vpc_id = vpc["VpcId"];
    for (const char* set : {"CidrBlockAssociationSet", "Ipv6CidrBlockAssociationSet"}) {
      Json& blocks = vpc[set];
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].value("AssociationId", "") != association_id) continue;
        Json assoc = blocks[i];
        const bool ipv6 = std::string(set) != "CidrBlockAssociationSet";
        const std::string block = assoc.value(ipv6 ? "Ipv6CidrBlock" : "CidrBlock", "");
        if (!ipv6 && block == vpc.value("CidrBlock", ""))
          throw AwsError("OperationNotPermitted", "The vpc CIDR block with association ID " + association_id +
                                                      " may not be disassociated. It is the primary IPv4 CIDR block of the VPC");
        for (const auto& subnet : res.list_where(kinds::subnet, "VpcId", vpc_id)) {
          bool inside = false;
          if (!ipv6) {
            inside = Ipv4Cidr::parse(block)->contains(*Ipv4Cidr::parse(subnet["CidrBlock"].get<std::string>()));
          } else {
            for (const auto& s6 : subnet["Ipv6CidrBlockAssociationSet"])
              if (auto c = Ipv6Cidr::parse(s6.value("Ipv6CidrBlock", ""))) inside = inside || Ipv6Cidr::parse(block)->contains(*c);
          }
          if (inside)
            throw AwsError("InvalidCidrBlock.InUse", "The vpc " + vpc_id + " currently has a subnet within CIDR block " + block);
        }
        blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
        res.put(kinds::vpc, vpc);
        update_local_routes(res, vpc_id, ipv6 ? "DestinationIpv6CidrBlock" : "DestinationCidrBlock", block, false);
        assoc[ipv6 ? "Ipv6CidrBlockState" : "CidrBlockState"]["State"] = "disassociating";
        return Json{{"VpcId", vpc_id}, {ipv6 ? "Ipv6CidrBlockAssociation" : "CidrBlockAssociation", assoc}};
      }
    }
  }
  throw AwsError("InvalidVpcCidrBlockAssociationID.NotFound",
                 "The vpc cidr block association ID '" + association_id + "' does not exist");
}

}  // namespace understudy::ec2
