#include "services/ec2/vpc_parts.hpp"

#include "emulator/state/arn.hpp"
#include "services/ec2/security_group_rules.hpp"

namespace understudy::ec2 {
namespace {

Json acl_entry(int rule_number, bool egress, const std::string& action, const char* cidr_member,
               const std::string& cidr) {
  return Json{{"RuleNumber", rule_number}, {"Protocol", "-1"}, {"RuleAction", action}, {"Egress", egress},
              {cidr_member, cidr}};
}

Json cidr_association(const std::string& cidr) {
  return Json{{"AssociationId", new_id("vpc-cidr-assoc")},
              {"CidrBlock", cidr},
              {"CidrBlockState", {{"State", "associated"}}}};
}

}  // namespace

std::string resource_arn(const Resources& res, std::string_view type, const std::string& id) {
  return state::make_arn("ec2", res.region(), res.account(), std::string(type) + "/" + id);
}

Json create_vpc(Resources& res, const VpcSpec& spec, double now) {
  Json vpc{{"VpcId", new_id("vpc")},
           {"OwnerId", res.account()},
           {"State", "available"},
           {"CidrBlock", spec.cidr.str()},
           {"DhcpOptionsId", spec.dhcp_options_id},
           {"InstanceTenancy", spec.instance_tenancy},
           {"IsDefault", spec.is_default},
           {"CidrBlockAssociationSet", Json::array({cidr_association(spec.cidr.str())})},
           {"Ipv6CidrBlockAssociationSet", Json::array()},
           {"BlockPublicAccessStates", {{"InternetGatewayBlockMode", "off"}}},
           {"Tags", spec.tags},
           {"_enableDnsSupport", true},
           {"_enableDnsHostnames", spec.is_default},
           {"_enableNetworkAddressUsageMetrics", false},
           {"_created", now}};
  if (spec.amazon_ipv6)
    vpc["Ipv6CidrBlockAssociationSet"].push_back(Json{{"AssociationId", new_id("vpc-cidr-assoc")},
                                                      {"Ipv6CidrBlock", random_amazon_ipv6_block()},
                                                      {"Ipv6CidrBlockState", {{"State", "associated"}}},
                                                      {"NetworkBorderGroup", res.region()},
                                                      {"Ipv6Pool", "Amazon"}});
  res.put(kinds::vpc, vpc);
  create_route_table(res, vpc, true, Json::array());
  create_network_acl(res, vpc, true, Json::array());
  create_security_group(res, vpc, "default", "default VPC security group", true, Json::array());
  return vpc;
}

Json create_subnet(Resources& res, const SubnetSpec& spec) {
  const std::string id = new_id("subnet");
  Json subnet{{"SubnetId", id},
              {"SubnetArn", resource_arn(res, "subnet", id)},
              {"VpcId", spec.vpc_id},
              {"OwnerId", res.account()},
              {"State", "available"},
              {"CidrBlock", spec.cidr.str()},
              {"AvailabilityZone", spec.zone.name},
              {"AvailabilityZoneId", spec.zone.zone_id},
              // AWS keeps the first four addresses and the last one of every subnet.
              {"AvailableIpAddressCount", static_cast<long long>(spec.cidr.size()) - 5},
              {"DefaultForAz", spec.default_for_az},
              {"MapPublicIpOnLaunch", spec.default_for_az},
              {"MapCustomerOwnedIpOnLaunch", false},
              {"AssignIpv6AddressOnCreation", false},
              {"EnableDns64", false},
              {"Ipv6Native", false},
              {"Ipv6CidrBlockAssociationSet", Json::array()},
              {"PrivateDnsNameOptionsOnLaunch",
               {{"HostnameType", "ip-name"},
                {"EnableResourceNameDnsARecord", false},
                {"EnableResourceNameDnsAAAARecord", false}}},
              {"BlockPublicAccessStates", {{"InternetGatewayBlockMode", "off"}}},
              {"Tags", spec.tags}};
  if (spec.ipv6_cidr)
    subnet["Ipv6CidrBlockAssociationSet"].push_back(Json{{"AssociationId", new_id("subnet-cidr-assoc")},
                                                         {"Ipv6CidrBlock", *spec.ipv6_cidr},
                                                         {"Ipv6CidrBlockState", {{"State", "associated"}}}});
  res.put(kinds::subnet, subnet);
  // Every subnet starts in its VPC's default network ACL.
  if (auto acl = default_network_acl(res, spec.vpc_id)) {
    (*acl)["Associations"].push_back(
        Json{{"NetworkAclAssociationId", new_id("aclassoc")}, {"NetworkAclId", (*acl)["NetworkAclId"]}, {"SubnetId", id}});
    res.put(kinds::network_acl, *acl);
  }
  return subnet;
}

Json create_route_table(Resources& res, const Json& vpc, bool main, const Json& tags) {
  const std::string id = new_id("rtb");
  Json routes = Json::array();
  for (const auto& block : vpc["CidrBlockAssociationSet"])
    routes.push_back(Json{{"DestinationCidrBlock", block["CidrBlock"]},
                          {"GatewayId", "local"},
                          {"Origin", "CreateRouteTable"},
                          {"State", "active"}});
  for (const auto& block : vpc["Ipv6CidrBlockAssociationSet"])
    routes.push_back(Json{{"DestinationIpv6CidrBlock", block["Ipv6CidrBlock"]},
                          {"GatewayId", "local"},
                          {"Origin", "CreateRouteTable"},
                          {"State", "active"}});
  Json associations = Json::array();
  if (main)
    associations.push_back(Json{{"Main", true},
                                {"RouteTableAssociationId", new_id("rtbassoc")},
                                {"RouteTableId", id},
                                {"AssociationState", {{"State", "associated"}}}});
  Json table{{"RouteTableId", id},           {"VpcId", vpc["VpcId"]}, {"OwnerId", res.account()},
             {"Routes", routes},             {"Associations", associations},
             {"PropagatingVgws", Json::array()}, {"Tags", tags}};
  res.put(kinds::route_table, table);
  return table;
}

Json create_network_acl(Resources& res, const Json& vpc, bool is_default, const Json& tags) {
  Json entries = Json::array();
  const bool ipv6 = !vpc["Ipv6CidrBlockAssociationSet"].empty();
  // A default ACL lets everything through; a new one denies everything until told otherwise.
  for (bool egress : {true, false}) {
    if (is_default) {
      entries.push_back(acl_entry(100, egress, "allow", "CidrBlock", "0.0.0.0/0"));
      if (ipv6) entries.push_back(acl_entry(101, egress, "allow", "Ipv6CidrBlock", "::/0"));
    }
    entries.push_back(acl_entry(32767, egress, "deny", "CidrBlock", "0.0.0.0/0"));
    if (ipv6) entries.push_back(acl_entry(32768, egress, "deny", "Ipv6CidrBlock", "::/0"));
  }
  Json acl{{"NetworkAclId", new_id("acl")}, {"VpcId", vpc["VpcId"]},       {"OwnerId", res.account()},
           {"IsDefault", is_default},       {"Entries", entries},          {"Associations", Json::array()},
           {"Tags", tags}};
  res.put(kinds::network_acl, acl);
  return acl;
}

Json create_security_group(Resources& res, const Json& vpc, const std::string& name, const std::string& description,
                           bool is_default, const Json& tags) {
  const std::string id = new_id("sg");
  Json group{{"GroupId", id},
             {"GroupName", name},
             {"Description", description},
             {"VpcId", vpc["VpcId"]},
             {"OwnerId", res.account()},
             {"SecurityGroupArn", resource_arn(res, "security-group", id)},
             {"Tags", tags},
             {"_default", is_default},
             {"_rules", Json::array()}};
  // Every group may send anywhere; the default group also lets its members talk to each other.
  group["_rules"].push_back(new_rule(res, group, true, Json{{"IpProtocol", "-1"}, {"CidrIpv4", "0.0.0.0/0"}}));
  if (is_default)
    group["_rules"].push_back(new_rule(
        res, group, false,
        Json{{"IpProtocol", "-1"}, {"ReferencedGroupInfo", {{"GroupId", id}, {"UserId", res.account()}}}}));
  render_permissions(group);
  res.put(kinds::security_group, group);
  return group;
}

Json create_internet_gateway(Resources& res, const Json& tags) {
  Json igw{{"InternetGatewayId", new_id("igw")},
           {"OwnerId", res.account()},
           {"Attachments", Json::array()},
           {"Tags", tags}};
  res.put(kinds::internet_gateway, igw);
  return igw;
}

std::optional<Json> main_route_table(Resources& res, const std::string& vpc_id) {
  for (auto& table : res.list_where(kinds::route_table, "VpcId", vpc_id))
    for (const auto& assoc : table["Associations"])
      if (assoc.value("Main", false)) return table;
  return std::nullopt;
}

std::optional<Json> default_network_acl(Resources& res, const std::string& vpc_id) {
  for (auto& acl : res.list_where(kinds::network_acl, "VpcId", vpc_id))
    if (acl.value("IsDefault", false)) return acl;
  return std::nullopt;
}

std::optional<Json> default_security_group(Resources& res, const std::string& vpc_id) {
  for (auto& group : res.list_where(kinds::security_group, "VpcId", vpc_id))
    if (group.value("_default", false)) return group;
  return std::nullopt;
}

std::vector<Ipv4Cidr> vpc_ipv4_blocks(const Json& vpc) {
  std::vector<Ipv4Cidr> out;
  for (const auto& block : vpc["CidrBlockAssociationSet"])
    if (auto cidr = Ipv4Cidr::parse(block.value("CidrBlock", ""))) out.push_back(*cidr);
  return out;
}

std::vector<Ipv6Cidr> vpc_ipv6_blocks(const Json& vpc) {
  std::vector<Ipv6Cidr> out;
  for (const auto& block : vpc["Ipv6CidrBlockAssociationSet"])
    if (auto cidr = Ipv6Cidr::parse(block.value("Ipv6CidrBlock", ""))) out.push_back(*cidr);
  return out;
}

}  // namespace understudy::ec2
