// Subnets: CreateSubnet, DescribeSubnets, DeleteSubnet, ModifySubnetAttribute.
#include <algorithm>
#include <array>
#include <map>

#include "emulator/topology/zones.hpp"
#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/vpc_parts.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 22> kSubnetFilters{{
    {"subnet-id", "SubnetId"},
    {"vpc-id", "VpcId"},
    {"vpcId", "VpcId"},
    {"availability-zone", "AvailabilityZone"},
    {"availabilityZone", "AvailabilityZone"},
    {"availability-zone-id", "AvailabilityZoneId"},
    {"availabilityZoneId", "AvailabilityZoneId"},
    {"cidr-block", "CidrBlock"},
    {"cidr", "CidrBlock"},
    {"cidrBlock", "CidrBlock"},
    {"default-for-az", "DefaultForAz"},
    {"defaultForAz", "DefaultForAz"},
    {"state", "State"},
    {"map-public-ip-on-launch", "MapPublicIpOnLaunch"},
    {"owner-id", "OwnerId"},
    {"subnet-arn", "SubnetArn"},
    {"available-ip-address-count", "AvailableIpAddressCount"},
    {"ipv6-native", "Ipv6Native"},
    {"ipv6-cidr-block-association.ipv6-cidr-block", "Ipv6CidrBlockAssociationSet[].Ipv6CidrBlock"},
    {"ipv6-cidr-block-association.association-id", "Ipv6CidrBlockAssociationSet[].AssociationId"},
    {"ipv6-cidr-block-association.state", "Ipv6CidrBlockAssociationSet[].Ipv6CidrBlockState.State"},
    {"enable-dns64", "EnableDns64"},
}};

std::string zone_list(const std::vector<topology::Zone>& zones) {
  std::string out;
  for (const auto& z : zones) out += (out.empty() ? "" : ", ") + z.name;
  return out;
}

topology::Zone choose_zone(Resources& res, const Json& input, const std::string& vpc_id) {
  const auto zones = topology::zones_in(res.region());
  if (zones.empty()) throw invalid_parameter_value("Understudy knows no Availability Zones in region " + res.region());
  if (auto name = str(input, "AvailabilityZone"); !name.empty()) {
    if (auto zone = topology::find_zone(res.region(), name)) return *zone;
    throw invalid_parameter_value("Value (" + name +
                                  ") for parameter availabilityZone is invalid. Subnets can currently only be created "
                                  "in the following availability zones: " + zone_list(zones) + ".");
  }
  if (auto id = str(input, "AvailabilityZoneId"); !id.empty()) {
    if (auto zone = topology::find_zone_by_id(res.region(), id)) return *zone;
    throw invalid_parameter_value("Value (" + id +
                                  ") for parameter availabilityZoneId is invalid. Subnets can currently only be "
                                  "created in the following availability zones: " + zone_list(zones) + ".");
  }
  // AWS picks a zone for you; the one with the fewest subnets of this VPC spreads them.
  std::map<std::string, int> used;
  for (const auto& subnet : res.list_where(kinds::subnet, "VpcId", vpc_id)) ++used[subnet["AvailabilityZone"]];
  return *std::min_element(zones.begin(), zones.end(),
                           [&](const auto& a, const auto& b) { return used[a.name] < used[b.name]; });
}

}  // namespace

Json Ec2::CreateSubnet(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string vpc_id = required(input, "VpcId");
  Json vpc = res.get(kinds::vpc, vpc_id);
  const std::string text = str(input, "CidrBlock");
  if (text.empty() && !boolean(input, "Ipv6Native").value_or(false))
    throw missing_parameter("The request must contain the parameter cidrBlock");
  auto cidr = Ipv4Cidr::parse(text);
  if (!cidr)
    throw invalid_parameter_value("Value (" + text + ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
  const auto blocks = vpc_ipv4_blocks(vpc);
  if (cidr->prefix < 16 || cidr->prefix > 28 ||
      std::none_of(blocks.begin(), blocks.end(), [&](const auto& b) { return b.contains(*cidr); }))
    throw AwsError("InvalidSubnet.Range", "The CIDR '" + text + "' is invalid.");
  for (const auto& other : res.list_where(kinds::subnet, "VpcId", vpc_id))
    if (Ipv4Cidr::parse(other["CidrBlock"].get<std::string>())->overlaps(*cidr))
      throw AwsError("InvalidSubnet.Conflict", "The CIDR '" + text + "' conflicts with another subnet");

  SubnetSpec spec;
  spec.vpc_id = vpc_id;
  spec.cidr = *cidr;
  spec.zone = choose_zone(res, input, vpc_id);
  spec.tags = tags_from_specs(input, "subnet");
  if (auto text6 = str(input, "Ipv6CidrBlock"); !text6.empty()) {
    auto cidr6 = Ipv6Cidr::parse(text6);
    const auto blocks6 = vpc_ipv6_blocks(vpc);
    if (!cidr6 || cidr6->prefix != 64 ||
        std::none_of(blocks6.begin(), blocks6.end(), [&](const auto& b) { return b.contains(*cidr6); }))
      throw AwsError("InvalidSubnet.Range", "The IPv6 CIDR '" + text6 + "' is invalid.");
    for (const auto& other : res.list_where(kinds::subnet, "VpcId", vpc_id))
      for (const auto& assoc : other["Ipv6CidrBlockAssociationSet"])
        if (auto o6 = Ipv6Cidr::parse(assoc.value("Ipv6CidrBlock", "")); o6 && o6->overlaps(*cidr6))
          throw AwsError("InvalidSubnet.Conflict", "The CIDR '" + text6 + "' conflicts with another subnet");
    spec.ipv6_cidr = cidr6->str();
  }
  Json subnet = public_view(create_subnet(res, spec));
  subnet["State"] = "pending";
  return Json{{"Subnet", subnet}};
}

Json Ec2::DescribeSubnets(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kSubnetFilters);
  return paginate(select(res, kinds::subnet, input.value("SubnetIds", Json::array()), filters), input, "Subnets",
                  "DescribeSubnets");
}

Json Ec2::DeleteSubnet(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string subnet_id = required(input, "SubnetId");
  res.get(kinds::subnet, subnet_id);
  if (!res.list_where(kinds::network_interface, "SubnetId", subnet_id).empty())
    throw AwsError("DependencyViolation", "The subnet '" + subnet_id + "' has dependencies and cannot be deleted.");
  for (auto& table : res.list(kinds::route_table)) {
    Json kept = Json::array();
    for (const auto& assoc : table["Associations"])
      if (assoc.value("SubnetId", "") != subnet_id) kept.push_back(assoc);
    if (kept.size() != table["Associations"].size()) {
      table["Associations"] = kept;
      res.put(kinds::route_table, table);
    }
  }
  for (auto& acl : res.list(kinds::network_acl)) {
    Json kept = Json::array();
    for (const auto& assoc : acl["Associations"])
      if (assoc.value("SubnetId", "") != subnet_id) kept.push_back(assoc);
    if (kept.size() != acl["Associations"].size()) {
      acl["Associations"] = kept;
      res.put(kinds::network_acl, acl);
    }
  }
  for (const auto& log : res.list_where(kinds::flow_log, "ResourceId", subnet_id))
    res.erase(kinds::flow_log, log["FlowLogId"]);
  res.erase(kinds::subnet, subnet_id);
  return Json::object();
}

Json Ec2::ModifySubnetAttribute(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string subnet_id = required(input, "SubnetId");
  Json subnet = res.get(kinds::subnet, subnet_id);
  for (const char* member : {"MapPublicIpOnLaunch", "AssignIpv6AddressOnCreation", "EnableDns64",
                             "MapCustomerOwnedIpOnLaunch"})
    if (auto value = boolean(input, member)) subnet[member] = *value;
  if (boolean(input, "AssignIpv6AddressOnCreation").value_or(false) && subnet["Ipv6CidrBlockAssociationSet"].empty())
    throw invalid_parameter_value("Cannot assign IPv6 addresses on creation to subnet " + subnet_id +
                                  " which has no IPv6 CIDR block");
  Json& dns = subnet["PrivateDnsNameOptionsOnLaunch"];
  if (auto type = str(input, "PrivateDnsHostnameTypeOnLaunch"); !type.empty()) dns["HostnameType"] = type;
  if (auto v = boolean(input, "EnableResourceNameDnsARecordOnLaunch")) dns["EnableResourceNameDnsARecord"] = *v;
  if (auto v = boolean(input, "EnableResourceNameDnsAAAARecordOnLaunch")) dns["EnableResourceNameDnsAAAARecord"] = *v;
  if (input.contains("EnableLniAtDeviceIndex")) subnet["EnableLniAtDeviceIndex"] = input["EnableLniAtDeviceIndex"];
  if (boolean(input, "DisableLniAtDeviceIndex").value_or(false)) subnet.erase("EnableLniAtDeviceIndex");
  if (auto pool = str(input, "CustomerOwnedIpv4Pool"); !pool.empty()) subnet["CustomerOwnedIpv4Pool"] = pool;
  res.put(kinds::subnet, subnet);
  return Json::object();
}

}  // namespace understudy::ec2
