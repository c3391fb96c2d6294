// Network ACLs: custom ACLs, their numbered entries, and which ACL each subnet uses.
#include <algorithm>
#include <array>

#include "services/ec2/cidr.hpp"
#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/security_group_rules.hpp"
#include "services/ec2/vpc_parts.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 15> kNetworkAclFilters{{
    {"network-acl-id", "NetworkAclId"},
    {"vpc-id", "VpcId"},
    {"default", "IsDefault"},
    {"owner-id", "OwnerId"},
    {"association.association-id", "Associations[].NetworkAclAssociationId"},
    {"association.network-acl-id", "Associations[].NetworkAclId"},
    {"association.subnet-id", "Associations[].SubnetId"},
    {"entry.cidr", "Entries[].CidrBlock"},
    {"entry.ipv6-cidr", "Entries[].Ipv6CidrBlock"},
    {"entry.egress", "Entries[].Egress"},
    {"entry.protocol", "Entries[].Protocol"},
    {"entry.rule-action", "Entries[].RuleAction"},
    {"entry.rule-number", "Entries[].RuleNumber"},
    {"entry.port-range.from", "Entries[].PortRange.From"},
    {"entry.port-range.to", "Entries[].PortRange.To"},
}};

// The entry an input describes, checked as AWS checks it.
Json entry_of(const Json& input) {
  if (!input.contains("RuleNumber")) throw missing_parameter("The request must contain the parameter ruleNumber");
  const int number = input["RuleNumber"].get<int>();
  if (number < 1 || number > 32766)
    throw invalid_parameter_value("Value (" + std::to_string(number) +
                                  ") for parameter ruleNumber is invalid. Rule numbers must be between 1 and 32766.");
  const std::string action = required(input, "RuleAction");
  if (action != "allow" && action != "deny")
    throw invalid_parameter_value("Value (" + action + ") for parameter ruleAction is invalid.");
  std::string protocol = required(input, "Protocol");
  // ACL entries keep protocols as numbers: "6" for tcp, "-1" for all.
  const std::string normalized = normalize_protocol(protocol);
  if (normalized == "tcp") protocol = "6";
  else if (normalized == "udp") protocol = "17";
  else if (normalized == "icmp") protocol = "1";
  else if (normalized == "icmpv6") protocol = "58";
  else protocol = normalized;
  Json entry{{"RuleNumber", number}, {"RuleAction", action}, {"Protocol", protocol},
             {"Egress", boolean(input, "Egress").value_or(false)}};
  if (auto cidr = str(input, "CidrBlock"); !cidr.empty()) {
    if (!Ipv4Cidr::parse(cidr)) throw invalid_parameter_value("Value (" + cidr + ") for parameter cidrBlock is invalid.");
    entry["CidrBlock"] = cidr;
  } else if (auto cidr6 = str(input, "Ipv6CidrBlock"); !cidr6.empty()) {
    if (!Ipv6Cidr::parse(cidr6))
      throw invalid_parameter_value("Value (" + cidr6 + ") for parameter ipv6CidrBlock is invalid.");
    entry["Ipv6CidrBlock"] = cidr6;
  } else {
    throw missing_parameter("The request must contain the parameter cidrBlock or ipv6CidrBlock");
  }
  if (protocol == "6" || protocol == "17") {
    if (!input.contains("PortRange"))
      throw invalid_parameter_value("Value for parameter portRange is required for the TCP and UDP protocols");
    entry["PortRange"] = input["PortRange"];
  }
  if ((protocol == "1" || protocol == "58") && input.contains("IcmpTypeCode")) entry["IcmpTypeCode"] = input["IcmpTypeCode"];
  return entry;
}

std::ptrdiff_t entry_index(const Json& acl, int number, bool egress) {
  const Json& entries = acl["Entries"];
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (entries[i]["RuleNumber"] == number && entries[i].value("Egress", false) == egress)
      return static_cast<std::ptrdiff_t>(i);
  return -1;
}

void sort_entries(Json& acl) {
  std::vector<Json> entries(acl["Entries"].begin(), acl["Entries"].end());
  std::stable_sort(entries.begin(), entries.end(), [](const Json& a, const Json& b) {
    return std::pair{a.value("Egress", false), a["RuleNumber"].get<int>()} <
           std::pair{b.value("Egress", false), b["RuleNumber"].get<int>()};
  });
  acl["Entries"] = entries;
}

}  // namespace

Json Ec2::CreateNetworkAcl(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json vpc = res.get(kinds::vpc, required(input, "VpcId"));
  Json acl = create_network_acl(res, vpc, false, tags_from_specs(input, "network-acl"));
  return Json{{"NetworkAcl", public_view(acl)}, {"ClientToken", str(input, "ClientToken")}};
}

Json Ec2::DeleteNetworkAcl(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string id = required(input, "NetworkAclId");
  Json acl = res.get(kinds::network_acl, id);
  if (acl.value("IsDefault", false))
    throw invalid_parameter_value("cannot delete default network ACL " + id);
  if (!acl["Associations"].empty())
    throw AwsError("DependencyViolation", "The networkAcl '" + id + "' has dependencies and cannot be deleted.");
  res.erase(kinds::network_acl, id);
  return Json::object();
}

Json Ec2::DescribeNetworkAcls(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kNetworkAclFilters);
  return paginate(select(res, kinds::network_acl, input.value("NetworkAclIds", Json::array()), filters), input,
                  "NetworkAcls", "DescribeNetworkAcls");
}

Json Ec2::CreateNetworkAclEntry(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json acl = res.get(kinds::network_acl, required(input, "NetworkAclId"));
  Json entry = entry_of(input);
  if (entry_index(acl, entry["RuleNumber"], entry["Egress"]) >= 0)
    throw AwsError("NetworkAclEntryAlreadyExists", "The network acl entry identified by " +
                                                       std::to_string(entry["RuleNumber"].get<int>()) + " already exists.");
  acl["Entries"].push_back(entry);
  sort_entries(acl);
  res.put(kinds::network_acl, acl);
  return Json::object();
}

Json Ec2::ReplaceNetworkAclEntry(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json acl = res.get(kinds::network_acl, required(input, "NetworkAclId"));
  Json entry = entry_of(input);
  const auto index = entry_index(acl, entry["RuleNumber"], entry["Egress"]);
  if (index < 0)
    throw AwsError("InvalidNetworkAclEntry.NotFound", "The network acl entry identified by " +
                                                          std::to_string(entry["RuleNumber"].get<int>()) + " does not exist.");
  acl["Entries"][static_cast<std::size_t>(index)] = entry;
  res.put(kinds::network_acl, acl);
  return Json::object();
}

Json Ec2::DeleteNetworkAclEntry(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json acl = res.get(kinds::network_acl, required(input, "NetworkAclId"));
  const int number = input.value("RuleNumber", 0);
  const auto index = entry_index(acl, number, boolean(input, "Egress").value_or(false));
  if (index < 0)
    throw AwsError("InvalidNetworkAclEntry.NotFound",
                   "The network acl entry identified by " + std::to_string(number) + " does not exist.");
  if (number > 32766) throw invalid_parameter_value("cannot delete the default entry " + std::to_string(number));
  acl["Entries"].erase(acl["Entries"].begin() + index);
  res.put(kinds::network_acl, acl);
  return Json::object();
}

Json Ec2::ReplaceNetworkAclAssociation(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string association_id = required(input, "AssociationId");
  Json target = res.get(kinds::network_acl, required(input, "NetworkAclId"));
  for (auto& acl : res.list(kinds::network_acl)) {
    Json& associations = acl["Associations"];
    for (std::size_t i = 0; i < associations.size(); ++i) {
      if (associations[i].value("NetworkAclAssociationId", "") != association_id) continue;
      if (acl["VpcId"] != target["VpcId"])
        throw invalid_parameter_value("Network ACL " + target["NetworkAclId"].get<std::string>() + " and association " +
                                      association_id + " belong to different networks");
      const std::string subnet_id = associations[i]["SubnetId"];
      associations.erase(associations.begin() + static_cast<std::ptrdiff_t>(i));
      res.put(kinds::network_acl, acl);
      target = res.get(kinds::network_acl, target["NetworkAclId"]);
      const std::string new_id_value = new_id("aclassoc");
      target["Associations"].push_back(Json{{"NetworkAclAssociationId", new_id_value},
                                            {"NetworkAclId", target["NetworkAclId"]},
                                            {"SubnetId", subnet_id}});
      res.put(kinds::network_acl, target);
      return Json{{"NewAssociationId", new_id_value}};
    }
  }
  throw AwsError("InvalidAssociationID.NotFound", "The association ID '" + association_id + "' does not exist");
}

}  // namespace understudy::ec2
