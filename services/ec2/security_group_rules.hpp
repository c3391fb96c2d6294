#pragma once
// Security group rules. A group keeps its rules one per peer (as DescribeSecurityGroupRules
// shows them, each with its sgr- id) in its "_rules" member; IpPermissions and
// IpPermissionsEgress, which group peers by protocol and ports, are rendered from them.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "emulator/core/json.hpp"
#include "services/ec2/resources.hpp"

namespace understudy::ec2 {

// A SecurityGroupRule of `group` from `fields` (IpProtocol, FromPort, ToPort, and one of
// CidrIpv4, CidrIpv6, PrefixListId, ReferencedGroupInfo; Description), with a new id.
Json new_rule(const Resources& res, const Json& group, bool egress, const Json& fields);

// Recomputes the group's IpPermissions and IpPermissionsEgress from its rules.
void render_permissions(Json& group);

// The rules an Authorize/Revoke request names, from its IpPermissions or the older flat
// members (CidrIp, IpProtocol, FromPort, ToPort), as rule fields without ids. Checks
// protocols and ports, and that referenced groups exist.
std::vector<Json> requested_rules(Resources& res, const Json& group, const Json& input);

// Whether two rules allow the same traffic from the same peer (ids and descriptions aside).
bool same_rule(const Json& a, const Json& b);

// The rule as AWS quotes it in InvalidPermission.Duplicate.
std::string rule_text(const Json& rule);

// "tcp" for "TCP" or "6", "-1" for "all", ...; throws InvalidParameterValue otherwise.
std::string normalize_protocol(const std::string& protocol);

// Whether any rule of any group of the account and region points at `group_id`.
bool is_referenced_by_other_group(Resources& res, const std::string& group_id);

}  // namespace understudy::ec2

namespace understudy::ec2 {
// The group an input names by GroupId, or by GroupName in the default VPC.
Json find_security_group(Resources& res, const Json& input);
}  // namespace understudy::ec2

namespace understudy::ec2 {
// The group holding rule `rule_id` and the rule's index in its "_rules", if any.
std::optional<std::pair<Json, std::size_t>> find_rule(Resources& res, const std::string& rule_id);
AwsError rule_not_found(const std::string& rule_id);
}  // namespace understudy::ec2
