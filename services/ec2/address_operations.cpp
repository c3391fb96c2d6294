// Elastic IP addresses: allocate, associate with an interface, disassociate, release.
#include <array>

#include "emulator/state/ids.hpp"
#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 10> kAddressFilters{{
    {"allocation-id", "AllocationId"},
    {"association-id", "AssociationId"},
    {"domain", "Domain"},
    {"public-ip", "PublicIp"},
    {"network-interface-id", "NetworkInterfaceId"},
    {"network-interface-owner-id", "NetworkInterfaceOwnerId"},
    {"private-ip-address", "PrivateIpAddress"},
    {"instance-id", "InstanceId"},
    {"network-border-group", "NetworkBorderGroup"},
    {"public-ipv4-pool", "PublicIpv4Pool"},
}};

// An address from a block AWS uses for EC2 in most regions; unique in the account's region.
std::string new_public_ip(Resources& res) {
  for (;;) {
    unsigned char bytes[3];
    state::random_bytes(bytes, sizeof bytes);
    const std::string ip = "52." + std::to_string(bytes[0] | 0x80) + "." + std::to_string(bytes[1]) + "." +
                           std::to_string(bytes[2] == 0 || bytes[2] == 255 ? 7 : bytes[2]);
    if (res.list_where(kinds::address, "PublicIp", ip).empty()) return ip;
  }
}

Json find_address(Resources& res, const Json& input) {
  if (auto id = str(input, "AllocationId"); !id.empty()) return res.get(kinds::address, id);
  if (auto ip = str(input, "PublicIp"); !ip.empty()) {
    auto found = res.list_where(kinds::address, "PublicIp", ip);
    if (found.empty()) throw AwsError("InvalidAddress.NotFound", "Address '" + ip + "' not found.");
    return found.front();
  }
  throw missing_parameter("Either public IP or allocation id must be specified");
}

void clear_association(Resources& res, Json& address) {
  if (address.contains("NetworkInterfaceId"))
    if (auto eni = res.find(kinds::network_interface, address["NetworkInterfaceId"])) {
      eni->erase("Association");
      res.put(kinds::network_interface, *eni);
    }
  for (const char* member : {"AssociationId", "NetworkInterfaceId", "NetworkInterfaceOwnerId", "PrivateIpAddress",
                             "InstanceId"})
    address.erase(member);
}

}  // namespace

Json Ec2::AllocateAddress(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  if (auto domain = str(input, "Domain"); !domain.empty() && domain != "vpc")
    throw invalid_parameter_value("EC2-Classic is retired: only the vpc domain is available");
  if (auto wanted = str(input, "Address"); !wanted.empty())
    throw invalid_parameter_value("Understudy does not hold BYOIP pools; allocate without Address");
  const std::string ip = new_public_ip(res);
  Json address{{"AllocationId", new_id("eipalloc")},
               {"PublicIp", ip},
               {"Domain", "vpc"},
               {"PublicIpv4Pool", "amazon"},
               {"NetworkBorderGroup", str(input, "NetworkBorderGroup").empty() ? ctx.region
                                                                                : str(input, "NetworkBorderGroup")},
               {"Tags", tags_from_specs(input, "elastic-ip")}};
  res.put(kinds::address, address);
  return Json{{"AllocationId", address["AllocationId"]},
              {"PublicIp", ip},
              {"Domain", "vpc"},
              {"PublicIpv4Pool", "amazon"},
              {"NetworkBorderGroup", address["NetworkBorderGroup"]}};
}

Json Ec2::ReleaseAddress(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json address = find_address(res, input);
  if (address.contains("AssociationId"))
    throw AwsError("InvalidIPAddress.InUse", "Address " + address["PublicIp"].get<std::string>() + " is in use.");
  res.erase(kinds::address, address["AllocationId"]);
  return Json::object();
}

Json Ec2::DescribeAddresses(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kAddressFilters);
  std::vector<Json> found = select(res, kinds::address, input.value("AllocationIds", Json::array()), filters);
  const auto ips = strings(input, "PublicIps");
  if (!ips.empty()) {
    std::vector<Json> kept;
    for (const auto& ip : ips) {
      bool any = false;
      for (const auto& address : found)
        if (address.value("PublicIp", "") == ip) {
          kept.push_back(address);
          any = true;
        }
      if (!any) throw AwsError("InvalidAddress.NotFound", "Address '" + ip + "' not found.");
    }
    found = std::move(kept);
  }
  Json list = Json::array();
  for (auto& address : found) list.push_back(std::move(address));
  return Json{{"Addresses", list}};
}

Json Ec2::AssociateAddress(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json address = find_address(res, input);
  if (auto instance = str(input, "InstanceId"); !instance.empty())
    throw AwsError("InvalidInstanceID.NotFound", "The instance ID '" + instance + "' does not exist");
  const std::string eni_id = required(input, "NetworkInterfaceId");
  Json eni = res.get(kinds::network_interface, eni_id);
  if (address.contains("AssociationId") && !boolean(input, "AllowReassociation").value_or(false))
    throw AwsError("Resource.AlreadyAssociated",
                   "resource " + address["AllocationId"].get<std::string>() + " is already associated with associate-id " +
                       address["AssociationId"].get<std::string>());
  for (auto& other : res.list_where(kinds::address, "NetworkInterfaceId", eni_id))
    if (other["AllocationId"] != address["AllocationId"]) {
      clear_association(res, other);
      res.put(kinds::address, other);
    }
  clear_association(res, address);
  std::string private_ip = str(input, "PrivateIpAddress");
  if (private_ip.empty()) private_ip = eni.value("PrivateIpAddress", "");
  const std::string association_id = new_id("eipassoc");
  address["AssociationId"] = association_id;
  address["NetworkInterfaceId"] = eni_id;
  address["NetworkInterfaceOwnerId"] = ctx.account;
  address["PrivateIpAddress"] = private_ip;
  res.put(kinds::address, address);
  eni = res.get(kinds::network_interface, eni_id);
  eni["Association"] = Json{{"AllocationId", address["AllocationId"]},
                            {"AssociationId", association_id},
                            {"IpOwnerId", ctx.account},
                            {"PublicIp", address["PublicIp"]}};
  res.put(kinds::network_interface, eni);
  return Json{{"AssociationId", association_id}};
}

Json Ec2::DisassociateAddress(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  std::vector<Json> found;
  if (auto id = str(input, "AssociationId"); !id.empty()) {
    found = res.list_where(kinds::address, "AssociationId", id);
    if (found.empty())
      throw AwsError("InvalidAssociationID.NotFound", "The association ID '" + id + "' does not exist");
  } else {
    found.push_back(find_address(res, input));
  }
  Json address = found.front();
  if (auto eni = res.find(kinds::network_interface, address.value("NetworkInterfaceId", ""));
      eni && eni->value("InterfaceType", "") == "nat_gateway")
    throw AwsError("AuthFailure", "You do not have permission to access the specified resource.");
  clear_association(res, address);
  res.put(kinds::address, address);
  return Json::object();
}

Json Ec2::DescribeAddressesAttribute(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json out = Json::array();
  const auto ids = strings(input, "AllocationIds");
  std::vector<Json> addresses;
  if (ids.empty()) {
    addresses = res.list(kinds::address);
  } else {
    for (const auto& id : ids) addresses.push_back(res.get(kinds::address, id));
  }
  // No address has a reverse DNS record unless one is set, which we do not offer.
  for (const auto& address : addresses)
    out.push_back(Json{{"AllocationId", address["AllocationId"]}, {"PublicIp", address["PublicIp"]}});
  return paginate(std::vector<Json>(out.begin(), out.end()), input, "Addresses", "DescribeAddressesAttribute");
}

}  // namespace understudy::ec2
