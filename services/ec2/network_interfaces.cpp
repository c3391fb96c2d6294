#include "services/ec2/network_interfaces.hpp"

#include <algorithm>
#include <set>

#include "emulator/state/ids.hpp"
#include "services/ec2/account_defaults.hpp"
#include "services/ec2/cidr.hpp"
#include "services/ec2/vpc_parts.hpp"

namespace understudy::ec2 {
namespace {

std::string private_dns_name(const std::string& region, const std::string& ip) {
  std::string name = "ip-" + ip;
  std::replace(name.begin(), name.end(), '.', '-');
  return name + (region == "us-east-1" ? ".ec2.internal" : "." + region + ".compute.internal");
}

std::string mac_address() {
  const std::string hex = state::random_hex(10);
  std::string mac = "02";
  for (std::size_t i = 0; i < hex.size(); i += 2) mac += ":" + hex.substr(i, 2);
  return mac;
}

std::set<std::uint32_t> used_addresses(Resources& res, const std::string& subnet_id) {
  std::set<std::uint32_t> used;
  for (const auto& eni : res.list_where(kinds::network_interface, "SubnetId", subnet_id))
    for (const auto& address : eni["PrivateIpAddresses"])
      if (auto ip = parse_ipv4(address.value("PrivateIpAddress", ""))) used.insert(*ip);
  return used;
}

std::string pick_address(Resources& res, const Json& subnet, const std::optional<std::string>& wanted) {
  const Ipv4Cidr cidr = *Ipv4Cidr::parse(subnet["CidrBlock"].get<std::string>());
  const auto used = used_addresses(res, subnet["SubnetId"]);
  // The first four addresses and the last one belong to AWS.
  const std::uint32_t first = cidr.base + 4;
  const std::uint32_t last = cidr.base + static_cast<std::uint32_t>(cidr.size()) - 2;
  if (wanted) {
    auto ip = parse_ipv4(*wanted);
    if (!ip || !cidr.contains_address(*ip) || *ip < first || *ip > last)
      throw invalid_parameter_value("Address " + *wanted + " does not fall within the subnet's address range");
    if (used.contains(*ip)) throw AwsError("InvalidIPAddress.InUse", "The specified address is already in use.");
    return *wanted;
  }
  for (std::uint32_t ip = first; ip <= last; ++ip)
    if (!used.contains(ip)) return ipv4_text(ip);
  throw AwsError("InsufficientFreeAddressesInSubnet",
                 "There are not enough free addresses in subnet '" + subnet["SubnetId"].get<std::string>() +
                     "' to satisfy the requested number of instances.");
}

void adjust_free_count(Resources& res, const std::string& subnet_id, int delta) {
  if (auto subnet = res.find(kinds::subnet, subnet_id)) {
    (*subnet)["AvailableIpAddressCount"] = (*subnet)["AvailableIpAddressCount"].get<long long>() + delta;
    res.put(kinds::subnet, *subnet);
  }
}

SubnetPlacement placement_of(const Json& subnet) {
  return {subnet["SubnetId"], subnet["VpcId"], subnet["AvailabilityZone"], subnet["AvailabilityZoneId"],
          subnet["CidrBlock"]};
}

}  // namespace

Json create_network_interface(Resources& res, const NetworkInterfaceSpec& spec) {
  Json subnet = res.get(kinds::subnet, spec.subnet_id);
  const std::string vpc_id = subnet["VpcId"];
  Json groups = Json::array();
  std::vector<std::string> group_ids = spec.security_group_ids;
  if (group_ids.empty())
    if (auto group = default_security_group(res, vpc_id)) group_ids.push_back((*group)["GroupId"]);
  for (const auto& group_id : group_ids) {
    Json group = res.get(kinds::security_group, group_id);
    if (group["VpcId"] != vpc_id)
      throw invalid_parameter_value("Security group " + group_id + " and subnet " + spec.subnet_id +
                                    " belong to different networks.");
    groups.push_back(Json{{"GroupId", group_id}, {"GroupName", group["GroupName"]}});
  }
  const std::string ip = pick_address(res, subnet, spec.private_ip);
  const std::string dns = private_dns_name(res.region(), ip);
  const bool managed = !spec.requester_id.empty();
  Json eni{{"NetworkInterfaceId", new_id("eni")},
           {"SubnetId", spec.subnet_id},
           {"VpcId", vpc_id},
           {"AvailabilityZone", subnet["AvailabilityZone"]},
           {"AvailabilityZoneId", subnet["AvailabilityZoneId"]},
           {"Description", spec.description},
           {"Groups", groups},
           {"InterfaceType", spec.interface_type},
           {"MacAddress", mac_address()},
           {"OwnerId", res.account()},
           {"PrivateIpAddress", ip},
           {"PrivateDnsName", dns},
           {"PrivateIpAddresses", Json::array({{{"Primary", true}, {"PrivateIpAddress", ip}, {"PrivateDnsName", dns}}})},
           {"Ipv6Addresses", Json::array()},
           {"RequesterManaged", managed},
           {"SourceDestCheck", true},
           {"Status", managed ? "in-use" : "available"},
           {"TagSet", spec.tags}};
  if (managed) eni["RequesterId"] = spec.requester_id;
  res.put(kinds::network_interface, eni);
  adjust_free_count(res, spec.subnet_id, -1);
  return eni;
}

void release_network_interface(Resources& res, const std::string& network_interface_id) {
  auto eni = res.find(kinds::network_interface, network_interface_id);
  if (!eni) return;
  // An Elastic IP mapped to the interface is let go with it.
  for (auto& address : res.list_where(kinds::address, "NetworkInterfaceId", network_interface_id)) {
    for (const char* member : {"AssociationId", "NetworkInterfaceId", "NetworkInterfaceOwnerId", "PrivateIpAddress"})
      address.erase(member);
    res.put(kinds::address, address);
  }
  res.erase(kinds::network_interface, network_interface_id);
  adjust_free_count(res, (*eni)["SubnetId"], +1);
}

std::optional<SubnetPlacement> find_subnet(state::Store& store, const std::string& account, const std::string& region,
                                           const std::string& subnet_id) {
  Resources res(store, account, region);
  ensure_account_defaults(res, 0);
  auto subnet = res.find(kinds::subnet, subnet_id);
  if (!subnet) return std::nullopt;
  return placement_of(*subnet);
}

NetworkInterfaceInfo create_network_interface(state::Store& store, const std::string& account,
                                              const std::string& region, const NetworkInterfaceSpec& spec) {
  Resources res(store, account, region);
  ensure_account_defaults(res, 0);
  Json eni = create_network_interface(res, spec);
  return {eni["NetworkInterfaceId"], eni["PrivateIpAddress"], eni["PrivateDnsName"],
          placement_of(res.get(kinds::subnet, spec.subnet_id))};
}

void delete_network_interface(state::Store& store, const std::string& account, const std::string& region,
                              const std::string& network_interface_id) {
  Resources res(store, account, region);
  release_network_interface(res, network_interface_id);
}

}  // namespace understudy::ec2
