#include "services/ec2/security_group_rules.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "emulator/core/aws_error.hpp"
#include "services/ec2/cidr.hpp"
#include "services/ec2/describe.hpp"
#include "services/ec2/vpc_parts.hpp"

namespace understudy::ec2 {
namespace {

bool has_ports(const std::string& protocol) {
  return protocol == "tcp" || protocol == "udp" || protocol == "icmp" || protocol == "icmpv6";
}

int port(const Json& j, const char* name, int fallback) {
  auto it = j.find(name);
  return it != j.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

std::string peer_of(const Json& rule) {
  if (rule.contains("CidrIpv4")) return rule["CidrIpv4"];
  if (rule.contains("CidrIpv6")) return rule["CidrIpv6"];
  if (rule.contains("PrefixListId")) return rule["PrefixListId"];
  if (rule.contains("ReferencedGroupInfo")) return rule["ReferencedGroupInfo"].value("GroupId", "");
  return {};
}

Json with_description(Json fields, const Json& source) {
  if (source.contains("Description") && source["Description"].is_string()) fields["Description"] = source["Description"];
  return fields;
}

Json resolve_group_pair(Resources& res, const Json& group, const Json& pair) {
  std::string target = str(pair, "GroupId");
  if (target.empty()) {
    const std::string name = str(pair, "GroupName");
    for (auto& candidate : res.list_where(kinds::security_group, "VpcId", group.value("VpcId", "")))
      if (candidate.value("GroupName", "") == name) target = candidate["GroupId"];
    if (target.empty()) throw not_found(kinds::security_group, name);
  } else if (!res.find(kinds::security_group, target)) {
    throw not_found(kinds::security_group, target);
  }
  Json info{{"GroupId", target}, {"UserId", pair.value("UserId", res.account())}};
  return info;
}

void check_cidr4(const std::string& cidr) {
  auto slash = cidr.find('/');
  if (slash == std::string::npos || !parse_ipv4(cidr.substr(0, slash)) || !Ipv4Cidr::parse(cidr))
    throw invalid_parameter_value("CIDR block " + cidr + " is malformed");
}

}  // namespace

std::string normalize_protocol(const std::string& protocol) {
  std::string p;
  for (char c : protocol) p += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (p == "all" || p == "-1") return "-1";
  if (p == "6") return "tcp";
  if (p == "17") return "udp";
  if (p == "1") return "icmp";
  if (p == "58") return "icmpv6";
  if (p == "tcp" || p == "udp" || p == "icmp" || p == "icmpv6") return p;
  if (!p.empty() && std::all_of(p.begin(), p.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
      std::stoi(p) <= 255)
    return p;
  throw invalid_parameter_value("Invalid value '" + protocol + "' for IP protocol. Unknown protocol.");
}

Json new_rule(const Resources& res, const Json& group, bool egress, const Json& fields) {
  const std::string id = new_id("sgr");
  Json rule{{"SecurityGroupRuleId", id},
            {"GroupId", group["GroupId"]},
            {"GroupOwnerId", res.account()},
            {"IsEgress", egress},
            {"IpProtocol", fields.value("IpProtocol", "-1")},
            {"FromPort", port(fields, "FromPort", -1)},
            {"ToPort", port(fields, "ToPort", -1)},
            {"SecurityGroupRuleArn", resource_arn(res, "security-group-rule", id)},
            {"Tags", fields.contains("Tags") ? fields["Tags"] : Json::array()}};
  for (const char* member : {"CidrIpv4", "CidrIpv6", "PrefixListId", "ReferencedGroupInfo", "Description"})
    if (fields.contains(member)) rule[member] = fields[member];
  return rule;
}

void render_permissions(Json& group) {
  // One IpPermission per (direction, protocol, ports), in the order the rules were added.
  using Key = std::tuple<bool, std::string, int, int>;
  std::vector<Key> order;
  std::map<Key, Json> permissions;
  for (const auto& rule : group["_rules"]) {
    const std::string protocol = rule["IpProtocol"];
    Key key{rule["IsEgress"].get<bool>(), protocol, rule["FromPort"].get<int>(), rule["ToPort"].get<int>()};
    auto [it, inserted] = permissions.try_emplace(key);
    if (inserted) {
      order.push_back(key);
      Json& p = it->second;
      p = Json{{"IpProtocol", protocol},
               {"IpRanges", Json::array()},
               {"Ipv6Ranges", Json::array()},
               {"PrefixListIds", Json::array()},
               {"UserIdGroupPairs", Json::array()}};
      if (has_ports(protocol)) {
        p["FromPort"] = std::get<2>(key);
        p["ToPort"] = std::get<3>(key);
      }
    }
    Json& p = it->second;
    if (rule.contains("CidrIpv4")) {
      p["IpRanges"].push_back(with_description(Json{{"CidrIp", rule["CidrIpv4"]}}, rule));
    } else if (rule.contains("CidrIpv6")) {
      p["Ipv6Ranges"].push_back(with_description(Json{{"CidrIpv6", rule["CidrIpv6"]}}, rule));
    } else if (rule.contains("PrefixListId")) {
      p["PrefixListIds"].push_back(with_description(Json{{"PrefixListId", rule["PrefixListId"]}}, rule));
    } else if (rule.contains("ReferencedGroupInfo")) {
      const auto& ref = rule["ReferencedGroupInfo"];
      p["UserIdGroupPairs"].push_back(
          with_description(Json{{"GroupId", ref["GroupId"]}, {"UserId", ref.value("UserId", "")}}, rule));
    }
  }
  group["IpPermissions"] = Json::array();
  group["IpPermissionsEgress"] = Json::array();
  for (const auto& key : order)
    group[std::get<0>(key) ? "IpPermissionsEgress" : "IpPermissions"].push_back(permissions[key]);
}

std::vector<Json> requested_rules(Resources& res, const Json& group, const Json& input) {
  Json permissions = input.contains("IpPermissions") ? input["IpPermissions"] : Json::array();
  // The older flat form: one protocol, one port range, one CIDR.
  if (permissions.empty() && input.contains("IpProtocol")) {
    Json p{{"IpProtocol", input["IpProtocol"]}};
    if (input.contains("FromPort")) p["FromPort"] = input["FromPort"];
    if (input.contains("ToPort")) p["ToPort"] = input["ToPort"];
    if (input.contains("CidrIp")) p["IpRanges"] = Json::array({{{"CidrIp", input["CidrIp"]}}});
    permissions.push_back(p);
  }
  if (permissions.empty() && input.contains("CidrIp"))
    permissions.push_back(Json{{"IpProtocol", "-1"}, {"IpRanges", Json::array({{{"CidrIp", input["CidrIp"]}}})}});
  if (permissions.empty())
    throw missing_parameter("Either 'ipPermissions' or 'ipProtocol' or 'sourceSecurityGroupName' must be specified");

  std::vector<Json> out;
  for (const auto& p : permissions) {
    const std::string protocol = normalize_protocol(p.value("IpProtocol", ""));
    Json base{{"IpProtocol", protocol}};
    if (has_ports(protocol)) {
      if (!p.contains("FromPort") || !p.contains("ToPort"))
        throw invalid_parameter_value("Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
      const int from = p["FromPort"].get<int>(), to = p["ToPort"].get<int>();
      if ((protocol == "tcp" || protocol == "udp") && (from < 0 || to > 65535 || from > to))
        throw invalid_parameter_value("Invalid value 'Invalid port range: " + std::to_string(from) + ":" +
                                      std::to_string(to) + "' for portRange.");
      base["FromPort"] = from;
      base["ToPort"] = to;
    }
    const std::size_t before = out.size();
    for (const auto& range : p.value("IpRanges", Json::array())) {
      const std::string cidr = range.value("CidrIp", "");
      check_cidr4(cidr);
      Json fields = base;
      fields["CidrIpv4"] = cidr;
      out.push_back(with_description(fields, range));
    }
    for (const auto& range : p.value("Ipv6Ranges", Json::array())) {
      const std::string cidr = range.value("CidrIpv6", "");
      if (!Ipv6Cidr::parse(cidr)) throw invalid_parameter_value("CIDR block " + cidr + " is malformed");
      Json fields = base;
      fields["CidrIpv6"] = cidr;
      out.push_back(with_description(fields, range));
    }
    for (const auto& prefix_list : p.value("PrefixListIds", Json::array())) {
      Json fields = base;
      fields["PrefixListId"] = prefix_list.value("PrefixListId", "");
      out.push_back(with_description(fields, prefix_list));
    }
    for (const auto& pair : p.value("UserIdGroupPairs", Json::array())) {
      Json fields = base;
      fields["ReferencedGroupInfo"] = resolve_group_pair(res, group, pair);
      out.push_back(with_description(fields, pair));
    }
    if (out.size() == before)
      throw invalid_parameter_value("The request must contain a peer (IpRanges, Ipv6Ranges, PrefixListIds or "
                                    "UserIdGroupPairs) for each permission");
  }
  return out;
}

bool same_rule(const Json& a, const Json& b) {
  auto ports = [](const Json& r) {
    const std::string protocol = r.value("IpProtocol", "-1");
    return has_ports(protocol) ? std::pair{port(r, "FromPort", -1), port(r, "ToPort", -1)} : std::pair{-1, -1};
  };
  return a.value("IsEgress", false) == b.value("IsEgress", false) && a.value("IpProtocol", "") == b.value("IpProtocol", "") &&
         ports(a) == ports(b) && peer_of(a) == peer_of(b);
}

std::string rule_text(const Json& rule) {
  std::string protocol = rule.value("IpProtocol", "-1");
  std::string text = "peer: " + peer_of(rule) + ", ";
  if (protocol == "-1") {
    text += "ALL, ";
  } else {
    std::string upper;
    for (char c : protocol) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    text += upper + ", ";
    if (has_ports(protocol))
      text += "from port: " + std::to_string(port(rule, "FromPort", -1)) + ", to port: " +
              std::to_string(port(rule, "ToPort", -1)) + ", ";
  }
  return text + "ALLOW";
}

bool is_referenced_by_other_group(Resources& res, const std::string& group_id) {
  for (const auto& group : res.list(kinds::security_group)) {
    if (group["GroupId"] == group_id) continue;
    for (const auto& rule : group["_rules"])
      if (rule.contains("ReferencedGroupInfo") && rule["ReferencedGroupInfo"].value("GroupId", "") == group_id)
        return true;
  }
  return false;
}

}  // namespace understudy::ec2

#include "services/ec2/account_defaults.hpp"

namespace understudy::ec2 {

Json find_security_group(Resources& res, const Json& input) {
  if (auto id = str(input, "GroupId"); !id.empty()) return res.get(kinds::security_group, id);
  const std::string name = str(input, "GroupName");
  if (name.empty()) throw missing_parameter("The request must contain the parameter groupName or groupId");
  const std::string vpc_id = default_vpc_id(res).value_or("");
  for (auto& group : res.list_where(kinds::security_group, "VpcId", vpc_id))
    if (group.value("GroupName", "") == name) return group;
  throw AwsError("InvalidGroup.NotFound", "The security group '" + name + "' does not exist in default VPC '" + vpc_id + "'");
}

}  // namespace understudy::ec2

namespace understudy::ec2 {

std::optional<std::pair<Json, std::size_t>> find_rule(Resources& res, const std::string& rule_id) {
  for (auto& group : res.list(kinds::security_group)) {
    const Json& rules = group["_rules"];
    for (std::size_t i = 0; i < rules.size(); ++i)
      if (rules[i].value("SecurityGroupRuleId", "") == rule_id) return std::pair{std::move(group), i};
  }
  return std::nullopt;
}

AwsError rule_not_found(const std::string& rule_id) {
  return AwsError("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '" + rule_id + "' does not exist");
}

}  // namespace understudy::ec2
