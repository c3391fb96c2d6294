// Security groups: CreateSecurityGroup, DeleteSecurityGroup, DescribeSecurityGroups.
#include <array>

#include "services/ec2/account_defaults.hpp"
#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/security_group_rules.hpp"
#include "services/ec2/vpc_parts.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 20> kSecurityGroupFilters{{
    {"group-id", "GroupId"},
    {"group-name", "GroupName"},
    {"vpc-id", "VpcId"},
    {"description", "Description"},
    {"owner-id", "OwnerId"},
    {"ip-permission.cidr", "IpPermissions[].IpRanges[].CidrIp"},
    {"ip-permission.ipv6-cidr", "IpPermissions[].Ipv6Ranges[].CidrIpv6"},
    {"ip-permission.from-port", "IpPermissions[].FromPort"},
    {"ip-permission.to-port", "IpPermissions[].ToPort"},
    {"ip-permission.protocol", "IpPermissions[].IpProtocol"},
    {"ip-permission.group-id", "IpPermissions[].UserIdGroupPairs[].GroupId"},
    {"ip-permission.prefix-list-id", "IpPermissions[].PrefixListIds[].PrefixListId"},
    {"ip-permission.user-id", "IpPermissions[].UserIdGroupPairs[].UserId"},
    {"egress.ip-permission.cidr", "IpPermissionsEgress[].IpRanges[].CidrIp"},
    {"egress.ip-permission.ipv6-cidr", "IpPermissionsEgress[].Ipv6Ranges[].CidrIpv6"},
    {"egress.ip-permission.from-port", "IpPermissionsEgress[].FromPort"},
    {"egress.ip-permission.to-port", "IpPermissionsEgress[].ToPort"},
    {"egress.ip-permission.protocol", "IpPermissionsEgress[].IpProtocol"},
    {"egress.ip-permission.group-id", "IpPermissionsEgress[].UserIdGroupPairs[].GroupId"},
    {"egress.ip-permission.prefix-list-id", "IpPermissionsEgress[].PrefixListIds[].PrefixListId"},
}};

}  // namespace

Json Ec2::CreateSecurityGroup(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string name = required(input, "GroupName");
  const std::string description = required(input, "Description");
  std::string vpc_id = str(input, "VpcId");
  if (vpc_id.empty()) {
    auto fallback = default_vpc_id(res);
    if (!fallback) throw AwsError("VPCIdNotSpecified", "No default VPC for this user");
    vpc_id = *fallback;
  }
  Json vpc = res.get(kinds::vpc, vpc_id);
  if (name == "default") throw AwsError("InvalidGroup.Reserved", "The security group 'default' is reserved");
  if (name.starts_with("sg-"))
    throw invalid_parameter_value("Invalid value '" + name + "' for groupName. Group names may not be in the format sg-*.");
  if (name.size() > 255 || description.size() > 255)
    throw invalid_parameter_value("Invalid value for groupName or groupDescription: at most 255 characters");
  for (const auto& group : res.list_where(kinds::security_group, "VpcId", vpc_id))
    if (group.value("GroupName", "") == name)
      throw AwsError("InvalidGroup.Duplicate", "The security group '" + name + "' already exists for VPC '" + vpc_id + "'");
  Json group = create_security_group(res, vpc, name, description, false, tags_from_specs(input, "security-group"));
  Json out{{"GroupId", group["GroupId"]}, {"SecurityGroupArn", group["SecurityGroupArn"]}};
  if (!group["Tags"].empty()) out["Tags"] = group["Tags"];
  return out;
}

Json Ec2::DeleteSecurityGroup(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json group = find_security_group(res, input);
  const std::string id = group["GroupId"];
  if (group.value("_default", false))
    throw AwsError("CannotDelete", "the specified group: \"" + id + "\" name: \"default\" cannot be deleted by a user");
  if (is_referenced_by_other_group(res, id))
    throw AwsError("DependencyViolation", "resource " + id + " has a dependent object");
  for (const auto& eni : res.list(kinds::network_interface))
    for (const auto& g : eni["Groups"])
      if (g.value("GroupId", "") == id) throw AwsError("DependencyViolation", "resource " + id + " has a dependent object");
  for (const auto& endpoint : res.list(kinds::vpc_endpoint))
    for (const auto& g : endpoint.value("Groups", Json::array()))
      if (g.value("GroupId", "") == id) throw AwsError("DependencyViolation", "resource " + id + " has a dependent object");
  res.erase(kinds::security_group, id);
  return Json{{"Return", true}, {"GroupId", id}};
}

Json Ec2::DescribeSecurityGroups(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kSecurityGroupFilters);
  std::vector<Json> found = select(res, kinds::security_group, input.value("GroupIds", Json::array()), filters);
  const auto names = strings(input, "GroupNames");
  if (!names.empty()) {
    // Names pick groups of the default VPC only, as in AWS.
    const std::string vpc_id = default_vpc_id(res).value_or("");
    std::vector<Json> kept;
    for (const auto& name : names) {
      bool any = false;
      for (const auto& group : found)
        if (group.value("GroupName", "") == name && group.value("VpcId", "") == vpc_id) {
          kept.push_back(group);
          any = true;
        }
      if (!any)
        throw AwsError("InvalidGroup.NotFound",
                       "The security group '" + name + "' does not exist in default VPC '" + vpc_id + "'");
    }
    found = std::move(kept);
  }
  return paginate(std::move(found), input, "SecurityGroups", "DescribeSecurityGroups");
}

}  // namespace understudy::ec2
