// Security group rules: authorize, revoke, describe and modify, in both directions.
#include <array>

#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/security_group_rules.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 3> kRuleFilters{{
    {"group-id", "GroupId"},
    {"security-group-rule-id", "SecurityGroupRuleId"},
    {"is-egress", "IsEgress"},
}};

// AWS allows 60 rules each way in a group by default.
constexpr std::size_t kRulesPerDirection = 60;

Json authorize(Resources& res, const Json& input, bool egress) {
  Json group = find_security_group(res, input);
  std::vector<Json> wanted = requested_rules(res, group, input);
  const Json tags = tags_from_specs(input, "security-group-rule");
  Json added = Json::array();
  std::size_t count = 0;
  for (const auto& rule : group["_rules"]) count += rule.value("IsEgress", false) == egress;
  for (auto& fields : wanted) {
    fields["IsEgress"] = egress;
    for (const auto& existing : group["_rules"])
      if (same_rule(existing, fields))
        throw AwsError("InvalidPermission.Duplicate", "the specified rule \"" + rule_text(fields) + "\" already exists");
    if (++count > kRulesPerDirection)
      throw AwsError("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been reached.");
    fields["Tags"] = tags;
    Json rule = new_rule(res, group, egress, fields);
    group["_rules"].push_back(rule);
    added.push_back(rule);
  }
  render_permissions(group);
  res.put(kinds::security_group, group);
  return Json{{"Return", true}, {"SecurityGroupRules", added}};
}

Json revoke(Resources& res, const Json& input, bool egress) {
  Json group = find_security_group(res, input);
  Json& rules = group["_rules"];
  std::vector<std::size_t> doomed;
  for (const auto& rule_id : strings(input, "SecurityGroupRuleIds")) {
    bool found = false;
    for (std::size_t i = 0; i < rules.size(); ++i)
      if (rules[i]["SecurityGroupRuleId"] == rule_id && rules[i].value("IsEgress", false) == egress) {
        doomed.push_back(i);
        found = true;
      }
    if (!found) throw rule_not_found(rule_id);
  }
  if (!input.contains("SecurityGroupRuleIds")) {
    for (auto& fields : requested_rules(res, group, input)) {
      fields["IsEgress"] = egress;
      bool found = false;
      for (std::size_t i = 0; i < rules.size(); ++i)
        if (same_rule(rules[i], fields)) {
          doomed.push_back(i);
          found = true;
        }
      if (!found)
        throw AwsError("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
    }
  }
  Json kept = Json::array();
  for (std::size_t i = 0; i < rules.size(); ++i)
    if (std::find(doomed.begin(), doomed.end(), i) == doomed.end()) kept.push_back(rules[i]);
  rules = kept;
  render_permissions(group);
  res.put(kinds::security_group, group);
  return Json{{"Return", true}};
}

Json update_descriptions(Resources& res, const Json& input, bool egress) {
  Json group = find_security_group(res, input);
  Json& rules = group["_rules"];
  for (const auto& item : input.value("SecurityGroupRuleDescriptions", Json::array())) {
    const std::string rule_id = item.value("SecurityGroupRuleId", "");
    bool found = false;
    for (auto& rule : rules)
      if (rule["SecurityGroupRuleId"] == rule_id) {
        rule["Description"] = item.value("Description", "");
        found = true;
      }
    if (!found) throw rule_not_found(rule_id);
  }
  if (input.contains("IpPermissions")) {
    for (auto& fields : requested_rules(res, group, input)) {
      fields["IsEgress"] = egress;
      bool found = false;
      for (auto& rule : rules)
        if (same_rule(rule, fields)) {
          rule["Description"] = fields.value("Description", "");
          found = true;
        }
      if (!found)
        throw AwsError("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
    }
  }
  render_permissions(group);
  res.put(kinds::security_group, group);
  return Json{{"Return", true}};
}

}  // namespace

Json Ec2::AuthorizeSecurityGroupIngress(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  return authorize(res, input, false);
}

Json Ec2::AuthorizeSecurityGroupEgress(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  return authorize(res, input, true);
}

Json Ec2::RevokeSecurityGroupIngress(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  return revoke(res, input, false);
}

Json Ec2::RevokeSecurityGroupEgress(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  return revoke(res, input, true);
}

Json Ec2::UpdateSecurityGroupRuleDescriptionsIngress(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  return update_descriptions(res, input, false);
}

Json Ec2::UpdateSecurityGroupRuleDescriptionsEgress(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  return update_descriptions(res, input, true);
}

Json Ec2::DescribeSecurityGroupRules(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kRuleFilters);
  const auto ids = strings(input, "SecurityGroupRuleIds");
  std::vector<Json> out;
  if (!ids.empty()) {
    for (const auto& id : ids) {
      auto found = find_rule(res, id);
      if (!found) throw rule_not_found(id);
      const Json& rule = found->first["_rules"][found->second];
      if (filters.matches(rule)) out.push_back(rule);
    }
  } else {
    for (const auto& group : res.list(kinds::security_group))
      for (const auto& rule : group["_rules"])
        if (filters.matches(rule)) out.push_back(rule);
  }
  return paginate(std::move(out), input, "SecurityGroupRules", "DescribeSecurityGroupRules");
}

Json Ec2::ModifySecurityGroupRules(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string group_id = required(input, "GroupId");
  Json group = res.get(kinds::security_group, group_id);
  for (const auto& update : input.value("SecurityGroupRules", Json::array())) {
    const std::string rule_id = update.value("SecurityGroupRuleId", "");
    Json* rule = nullptr;
    for (auto& candidate : group["_rules"])
      if (candidate["SecurityGroupRuleId"] == rule_id) rule = &candidate;
    if (rule == nullptr) throw rule_not_found(rule_id);
    const Json& spec = update.value("SecurityGroupRule", Json::object());
    Json fields = Json::object();
    if (spec.contains("IpProtocol")) fields["IpProtocol"] = spec["IpProtocol"];
    if (spec.contains("FromPort")) fields["FromPort"] = spec["FromPort"];
    if (spec.contains("ToPort")) fields["ToPort"] = spec["ToPort"];
    Json permission = fields;
    if (spec.contains("CidrIpv4"))
      permission["IpRanges"] = Json::array({{{"CidrIp", spec["CidrIpv4"]}}});
    else if (spec.contains("CidrIpv6"))
      permission["Ipv6Ranges"] = Json::array({{{"CidrIpv6", spec["CidrIpv6"]}}});
    else if (spec.contains("PrefixListId"))
      permission["PrefixListIds"] = Json::array({{{"PrefixListId", spec["PrefixListId"]}}});
    else if (spec.contains("ReferencedGroupId"))
      permission["UserIdGroupPairs"] = Json::array({{{"GroupId", spec["ReferencedGroupId"]}}});
    auto parsed = requested_rules(res, group, Json{{"IpPermissions", Json::array({permission})}});
    Json replacement = parsed.front();
    for (const char* member : {"CidrIpv4", "CidrIpv6", "PrefixListId", "ReferencedGroupInfo", "FromPort", "ToPort"})
      rule->erase(member);
    for (auto it = replacement.begin(); it != replacement.end(); ++it) (*rule)[it.key()] = it.value();
    if (!(*rule).contains("FromPort")) (*rule)["FromPort"] = -1;
    if (!(*rule).contains("ToPort")) (*rule)["ToPort"] = -1;
    if (spec.contains("Description"))
      (*rule)["Description"] = spec["Description"];
    else
      rule->erase("Description");
  }
  render_permissions(group);
  res.put(kinds::security_group, group);
  return Json{{"Return", true}};
}

}  // namespace understudy::ec2
