// Internet gateways: create, attach to one VPC, detach, delete.
#include <array>

#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/vpc_parts.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 4> kInternetGatewayFilters{{
    {"internet-gateway-id", "InternetGatewayId"},
    {"attachment.vpc-id", "Attachments[].VpcId"},
    {"attachment.state", "Attachments[].State"},
    {"owner-id", "OwnerId"},
}};

}  // namespace

Json Ec2::CreateInternetGateway(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  return Json{{"InternetGateway", public_view(create_internet_gateway(res, tags_from_specs(input, "internet-gateway")))}};
}

Json Ec2::DescribeInternetGateways(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kInternetGatewayFilters);
  return paginate(select(res, kinds::internet_gateway, input.value("InternetGatewayIds", Json::array()), filters),
                  input, "InternetGateways", "DescribeInternetGateways");
}

Json Ec2::DeleteInternetGateway(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string id = required(input, "InternetGatewayId");
  Json igw = res.get(kinds::internet_gateway, id);
  if (!igw["Attachments"].empty())
    throw AwsError("DependencyViolation", "The internetGateway '" + id + "' has dependencies and cannot be deleted.");
  res.erase(kinds::internet_gateway, id);
  return Json::object();
}

Json Ec2::AttachInternetGateway(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string id = required(input, "InternetGatewayId");
  const std::string vpc_id = required(input, "VpcId");
  Json igw = res.get(kinds::internet_gateway, id);
  res.get(kinds::vpc, vpc_id);
  if (!igw["Attachments"].empty())
    throw AwsError("Resource.AlreadyAssociated", "resource " + id + " is already attached to network " +
                                                     igw["Attachments"][0].value("VpcId", ""));
  for (const auto& other : res.list(kinds::internet_gateway))
    for (const auto& attachment : other["Attachments"])
      if (attachment.value("VpcId", "") == vpc_id)
        throw AwsError("Resource.AlreadyAssociated", "Network " + vpc_id + " already has an internet gateway attached");
  // AWS reports an attached internet gateway's attachment as "available".
  igw["Attachments"].push_back(Json{{"State", "available"}, {"VpcId", vpc_id}});
  res.put(kinds::internet_gateway, igw);
  return Json::object();
}

Json Ec2::DetachInternetGateway(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string id = required(input, "InternetGatewayId");
  const std::string vpc_id = required(input, "VpcId");
  Json igw = res.get(kinds::internet_gateway, id);
  res.get(kinds::vpc, vpc_id);
  if (igw["Attachments"].empty() || igw["Attachments"][0].value("VpcId", "") != vpc_id)
    throw AwsError("Gateway.NotAttached", "resource " + id + " is not attached to network " + vpc_id);
  // A public address still mapped in the VPC needs the gateway, as in AWS.
  for (const auto& address : res.list(kinds::address)) {
    if (!address.contains("NetworkInterfaceId")) continue;
    auto eni = res.find(kinds::network_interface, address["NetworkInterfaceId"]);
    if (eni && eni->value("VpcId", "") == vpc_id)
      throw AwsError("DependencyViolation", "Network " + vpc_id + " has some mapped public address(es). Please unmap "
                                            "those public address(es) before detaching the gateway.");
  }
  igw["Attachments"] = Json::array();
  res.put(kinds::internet_gateway, igw);
  // Routes through it stay, but lead nowhere.
  for (auto& table : res.list_where(kinds::route_table, "VpcId", vpc_id)) {
    bool changed = false;
    for (auto& route : table["Routes"])
      if (route.value("GatewayId", "") == id) {
        route["State"] = "blackhole";
        changed = true;
      }
    if (changed) res.put(kinds::route_table, table);
  }
  return Json::object();
}

}  // namespace understudy::ec2
