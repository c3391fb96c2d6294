// Routes in a route table: CreateRoute, ReplaceRoute, DeleteRoute.
#include <array>

#include "services/ec2/cidr.hpp"
#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"

namespace understudy::ec2 {
namespace {

struct Destination {
  std::string member;  // DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId
  std::string value;
  std::string filter_name;  // as AWS's messages name it: destination-cidr-block, ...
};

Destination destination_of(const Json& input) {
  if (auto v = str(input, "DestinationCidrBlock"); !v.empty()) {
    auto cidr = Ipv4Cidr::parse(v);
    if (!cidr)
      throw invalid_parameter_value("Value (" + v + ") for parameter destinationCidrBlock is invalid. This is not a "
                                    "valid CIDR block.");
    return {"DestinationCidrBlock", cidr->str(), "destination-cidr-block"};
  }
  if (auto v = str(input, "DestinationIpv6CidrBlock"); !v.empty()) {
    auto cidr = Ipv6Cidr::parse(v);
    if (!cidr)
      throw invalid_parameter_value("Value (" + v + ") for parameter destinationIpv6CidrBlock is invalid. This is "
                                    "not a valid IPv6 CIDR block.");
    return {"DestinationIpv6CidrBlock", cidr->str(), "destination-ipv6-cidr-block"};
  }
  if (auto v = str(input, "DestinationPrefixListId"); !v.empty())
    return {"DestinationPrefixListId", v, "destination-prefix-list-id"};
  throw missing_parameter("The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock");
}

// The route's target, checked against what exists: an internet gateway must be attached
// to the table's VPC, a NAT gateway must not be deleted, an interface must exist.
Json target_of(Resources& res, const Json& table, const Json& input) {
  static constexpr std::array<const char*, 11> kTargets{
      "GatewayId", "NatGatewayId", "EgressOnlyInternetGatewayId", "InstanceId", "NetworkInterfaceId",
      "VpcPeeringConnectionId", "TransitGatewayId", "LocalGatewayId", "CarrierGatewayId", "VpcEndpointId",
      "CoreNetworkArn"};
  Json route = Json::object();
  for (const char* member : kTargets)
    if (auto v = str(input, member); !v.empty()) route[member] = v;
  if (route.size() != 1)
    throw invalid_parameter_value(route.empty() ? "The request must contain exactly one route target"
                                                : "The request must contain exactly one route target, not several");
  const std::string vpc_id = table["VpcId"];
  if (route.contains("GatewayId")) {
    const std::string id = route["GatewayId"];
    if (id.starts_with("igw-")) {
      auto igw = res.find(kinds::internet_gateway, id);
      if (!igw) throw AwsError("InvalidGatewayID.NotFound", "The gateway ID '" + id + "' does not exist");
      bool attached = false;
      for (const auto& a : (*igw)["Attachments"]) attached = attached || a.value("VpcId", "") == vpc_id;
      if (!attached)
        throw invalid_parameter_value("route table " + table["RouteTableId"].get<std::string>() +
                                      " and network gateway " + id + " belong to different networks");
    } else if (id.starts_with("vpce-")) {
      res.get(kinds::vpc_endpoint, id);
    } else if (id == "local") {
      throw invalid_parameter_value("cannot create a route to the local gateway");
    }
  }
  if (route.contains("NatGatewayId")) {
    Json nat = res.get(kinds::nat_gateway, route["NatGatewayId"]);
    if (nat.value("State", "") == "deleted") throw not_found(kinds::nat_gateway, route["NatGatewayId"].get<std::string>());
  }
  if (route.contains("NetworkInterfaceId")) res.get(kinds::network_interface, route["NetworkInterfaceId"]);
  if (route.contains("InstanceId"))
    throw AwsError("InvalidInstanceID.NotFound",
                   "The instance ID '" + route["InstanceId"].get<std::string>() + "' does not exist");
  if (route.contains("VpcEndpointId")) {
    res.get(kinds::vpc_endpoint, route["VpcEndpointId"]);
    route["GatewayId"] = route["VpcEndpointId"];
    route.erase("VpcEndpointId");
  }
  return route;
}

std::ptrdiff_t route_index(const Json& table, const Destination& destination) {
  const Json& routes = table["Routes"];
  for (std::size_t i = 0; i < routes.size(); ++i)
    if (routes[i].value(destination.member, "") == destination.value) return static_cast<std::ptrdiff_t>(i);
  return -1;
}

}  // namespace

Json Ec2::CreateRoute(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json table = res.get(kinds::route_table, required(input, "RouteTableId"));
  const Destination destination = destination_of(input);
  Json route = target_of(res, table, input);
  if (route_index(table, destination) >= 0)
    throw AwsError("RouteAlreadyExists", "The route identified by " + destination.value + " already exists.");
  route[destination.member] = destination.value;
  route["Origin"] = "CreateRoute";
  route["State"] = "active";
  table["Routes"].push_back(route);
  res.put(kinds::route_table, table);
  return Json{{"Return", true}};
}

Json Ec2::ReplaceRoute(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json table = res.get(kinds::route_table, required(input, "RouteTableId"));
  const Destination destination = destination_of(input);
  const auto index = route_index(table, destination);
  if (index < 0)
    throw invalid_parameter_value("There is no route defined for '" + destination.value +
                                  "' in the route table. Please add a route first.");
  if (table["Routes"][static_cast<std::size_t>(index)].value("GatewayId", "") == "local" && !input.contains("LocalTarget"))
    throw invalid_parameter_value("cannot replace local route " + destination.value);
  Json route = target_of(res, table, input);
  route[destination.member] = destination.value;
  route["Origin"] = "CreateRoute";
  route["State"] = "active";
  table["Routes"][static_cast<std::size_t>(index)] = route;
  res.put(kinds::route_table, table);
  return Json::object();
}

Json Ec2::DeleteRoute(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string table_id = required(input, "RouteTableId");
  Json table = res.get(kinds::route_table, table_id);
  const Destination destination = destination_of(input);
  const auto index = route_index(table, destination);
  if (index < 0)
    throw AwsError("InvalidRoute.NotFound", "no route with " + destination.filter_name + " " + destination.value +
                                                " in route table " + table_id);
  if (table["Routes"][static_cast<std::size_t>(index)].value("GatewayId", "") == "local")
    throw invalid_parameter_value("cannot remove local route " + destination.value + " in route table " + table_id);
  table["Routes"].erase(table["Routes"].begin() + index);
  res.put(kinds::route_table, table);
  return Json::object();
}

}  // namespace understudy::ec2
