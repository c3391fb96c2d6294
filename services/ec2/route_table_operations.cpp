// Route tables and their associations with subnets and gateways.
#include <array>

#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/vpc_parts.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 22> kRouteTableFilters{{
    {"route-table-id", "RouteTableId"},
    {"vpc-id", "VpcId"},
    {"owner-id", "OwnerId"},
    {"association.main", "Associations[].Main"},
    {"association.route-table-association-id", "Associations[].RouteTableAssociationId"},
    {"association.route-table-id", "Associations[].RouteTableId"},
    {"association.subnet-id", "Associations[].SubnetId"},
    {"association.gateway-id", "Associations[].GatewayId"},
    {"association.association-state", "Associations[].AssociationState.State"},
    {"route.destination-cidr-block", "Routes[].DestinationCidrBlock"},
    {"route.destination-ipv6-cidr-block", "Routes[].DestinationIpv6CidrBlock"},
    {"route.destination-prefix-list-id", "Routes[].DestinationPrefixListId"},
    {"route.gateway-id", "Routes[].GatewayId"},
    {"route.nat-gateway-id", "Routes[].NatGatewayId"},
    {"route.egress-only-internet-gateway-id", "Routes[].EgressOnlyInternetGatewayId"},
    {"route.instance-id", "Routes[].InstanceId"},
    {"route.network-interface-id", "Routes[].NetworkInterfaceId"},
    {"route.origin", "Routes[].Origin"},
    {"route.state", "Routes[].State"},
    {"route.transit-gateway-id", "Routes[].TransitGatewayId"},
    {"route.vpc-peering-connection-id", "Routes[].VpcPeeringConnectionId"},
    {"route.carrier-gateway-id", "Routes[].CarrierGatewayId"},
}};

AwsError association_not_found(const std::string& id) {
  return AwsError("InvalidAssociationID.NotFound", "The association ID '" + id + "' does not exist");
}

// The route table holding association `id`, and the association's index in it.
std::pair<Json, std::size_t> find_association(Resources& res, const std::string& id) {
  for (auto& table : res.list(kinds::route_table)) {
    const Json& associations = table["Associations"];
    for (std::size_t i = 0; i < associations.size(); ++i)
      if (associations[i].value("RouteTableAssociationId", "") == id) return {std::move(table), i};
  }
  throw association_not_found(id);
}

Json new_association(const std::string& table_id, bool main) {
  return Json{{"Main", main},
              {"RouteTableAssociationId", new_id("rtbassoc")},
              {"RouteTableId", table_id},
              {"AssociationState", {{"State", "associated"}}}};
}

}  // namespace

Json Ec2::CreateRouteTable(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json vpc = res.get(kinds::vpc, required(input, "VpcId"));
  Json table = create_route_table(res, vpc, false, tags_from_specs(input, "route-table"));
  return Json{{"RouteTable", public_view(table)}, {"ClientToken", str(input, "ClientToken")}};
}

Json Ec2::DeleteRouteTable(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string id = required(input, "RouteTableId");
  Json table = res.get(kinds::route_table, id);
  if (!table["Associations"].empty())
    throw AwsError("DependencyViolation", "The routeTable '" + id + "' has dependencies and cannot be deleted.");
  res.erase(kinds::route_table, id);
  return Json::object();
}

Json Ec2::DescribeRouteTables(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kRouteTableFilters);
  return paginate(select(res, kinds::route_table, input.value("RouteTableIds", Json::array()), filters), input,
                  "RouteTables", "DescribeRouteTables");
}

Json Ec2::AssociateRouteTable(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string table_id = required(input, "RouteTableId");
  Json table = res.get(kinds::route_table, table_id);
  const std::string subnet_id = str(input, "SubnetId");
  const std::string gateway_id = str(input, "GatewayId");
  if (subnet_id.empty() == gateway_id.empty())
    throw missing_parameter("Either subnetId or gatewayId must be specified, but not both");
  Json association = new_association(table_id, false);
  if (!subnet_id.empty()) {
    Json subnet = res.get(kinds::subnet, subnet_id);
    if (subnet["VpcId"] != table["VpcId"])
      throw invalid_parameter_value("Route table " + table_id + " and subnet " + subnet_id +
                                    " belong to different networks");
    for (const auto& other : res.list_where(kinds::route_table, "VpcId", table["VpcId"]))
      for (const auto& assoc : other["Associations"])
        if (assoc.value("SubnetId", "") == subnet_id)
          throw AwsError("Resource.AlreadyAssociated", "the specified association for route table " + table_id +
                                                           " conflicts with an existing association");
    association["SubnetId"] = subnet_id;
  } else {
    Json igw = res.get(kinds::internet_gateway, gateway_id);
    association["GatewayId"] = gateway_id;
  }
  table["Associations"].push_back(association);
  res.put(kinds::route_table, table);
  return Json{{"AssociationId", association["RouteTableAssociationId"]}, {"AssociationState", association["AssociationState"]}};
}

Json Ec2::DisassociateRouteTable(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string id = required(input, "AssociationId");
  auto [table, index] = find_association(res, id);
  if (table["Associations"][index].value("Main", false))
    throw invalid_parameter_value("cannot disassociate the main route table association " + id);
  table["Associations"].erase(table["Associations"].begin() + static_cast<std::ptrdiff_t>(index));
  res.put(kinds::route_table, table);
  return Json::object();
}

Json Ec2::ReplaceRouteTableAssociation(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string id = required(input, "AssociationId");
  const std::string new_table_id = required(input, "RouteTableId");
  Json target = res.get(kinds::route_table, new_table_id);
  auto [table, index] = find_association(res, id);
  if (table["VpcId"] != target["VpcId"])
    throw invalid_parameter_value("Route table " + new_table_id + " and association " + id +
                                  " belong to different networks");
  Json old = table["Associations"][index];
  table["Associations"].erase(table["Associations"].begin() + static_cast<std::ptrdiff_t>(index));
  res.put(kinds::route_table, table);
  target = res.get(kinds::route_table, new_table_id);
  Json association = new_association(new_table_id, old.value("Main", false));
  for (const char* member : {"SubnetId", "GatewayId"})
    if (old.contains(member)) association[member] = old[member];
  target["Associations"].push_back(association);
  res.put(kinds::route_table, target);
  return Json{{"NewAssociationId", association["RouteTableAssociationId"]},
              {"AssociationState", association["AssociationState"]}};
}

}  // namespace understudy::ec2
