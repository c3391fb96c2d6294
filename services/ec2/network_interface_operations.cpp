// Network interfaces: CreateNetworkInterface, DeleteNetworkInterface, DescribeNetworkInterfaces.
#include <array>

#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/network_interfaces.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 20> kNetworkInterfaceFilters{{
    {"network-interface-id", "NetworkInterfaceId"},
    {"subnet-id", "SubnetId"},
    {"vpc-id", "VpcId"},
    {"availability-zone", "AvailabilityZone"},
    {"group-id", "Groups[].GroupId"},
    {"group-name", "Groups[].GroupName"},
    {"status", "Status"},
    {"interface-type", "InterfaceType"},
    {"description", "Description"},
    {"requester-id", "RequesterId"},
    {"requester-managed", "RequesterManaged"},
    {"private-ip-address", "PrivateIpAddress"},
    {"addresses.private-ip-address", "PrivateIpAddresses[].PrivateIpAddress"},
    {"addresses.primary", "PrivateIpAddresses[].Primary"},
    {"private-dns-name", "PrivateDnsName"},
    {"mac-address", "MacAddress"},
    {"owner-id", "OwnerId"},
    {"source-dest-check", "SourceDestCheck"},
    {"association.public-ip", "Association.PublicIp"},
    {"association.allocation-id", "Association.AllocationId"},
}};

}  // namespace

Json Ec2::CreateNetworkInterface(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  NetworkInterfaceSpec spec;
  spec.subnet_id = required(input, "SubnetId");
  spec.description = str(input, "Description");
  spec.security_group_ids = strings(input, "Groups");
  if (auto type = str(input, "InterfaceType"); !type.empty()) spec.interface_type = type;
  if (auto ip = str(input, "PrivateIpAddress"); !ip.empty()) spec.private_ip = ip;
  spec.tags = tags_from_specs(input, "network-interface");
  return Json{{"NetworkInterface", public_view(create_network_interface(res, spec))}};
}

Json Ec2::DeleteNetworkInterface(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string id = required(input, "NetworkInterfaceId");
  Json eni = res.get(kinds::network_interface, id);
  if (eni.value("Status", "") == "in-use")
    throw invalid_parameter_value("Network interface '" + id + "' is currently in use.");
  release_network_interface(res, id);
  return Json::object();
}

Json Ec2::DescribeNetworkInterfaces(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kNetworkInterfaceFilters, "TagSet");
  return paginate(select(res, kinds::network_interface, input.value("NetworkInterfaceIds", Json::array()), filters),
                  input, "NetworkInterfaces", "DescribeNetworkInterfaces");
}

}  // namespace understudy::ec2
