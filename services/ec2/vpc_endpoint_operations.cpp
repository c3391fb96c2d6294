// VPC endpoints. A gateway endpoint (S3, DynamoDB) routes the service's prefix list
// through itself in the route tables it is given; an interface endpoint puts an
// interface in each of its subnets.
#include <algorithm>
#include <array>

#include "emulator/state/ids.hpp"
#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/network_interfaces.hpp"
#include "services/ec2/prefix_lists.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 6> kEndpointFilters{{
    {"vpc-endpoint-id", "VpcEndpointId"},
    {"vpc-id", "VpcId"},
    {"service-name", "ServiceName"},
    {"vpc-endpoint-state", "State"},
    {"vpc-endpoint-type", "VpcEndpointType"},
    {"ip-address-type", "IpAddressType"},
}};

constexpr const char* kDefaultPolicy =
    R"({"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]})";

void add_gateway_route(Resources& res, const Json& endpoint, const std::string& table_id, const std::string& list_id) {
  Json table = res.get(kinds::route_table, table_id);
  if (table["VpcId"] != endpoint["VpcId"])
    throw invalid_parameter_value("Route table " + table_id + " is not in VPC " + endpoint["VpcId"].get<std::string>());
  for (const auto& route : table["Routes"])
    if (route.value("DestinationPrefixListId", "") == list_id)
      throw AwsError("RouteAlreadyExists", "route table " + table_id + " already has a route with destination-prefix-list-id " + list_id);
  table["Routes"].push_back(Json{{"DestinationPrefixListId", list_id},
                                 {"GatewayId", endpoint["VpcEndpointId"]},
                                 {"Origin", "CreateRoute"},
                                 {"State", "active"}});
  res.put(kinds::route_table, table);
}

void remove_gateway_route(Resources& res, const std::string& endpoint_id, const std::string& table_id) {
  auto table = res.find(kinds::route_table, table_id);
  if (!table) return;
  Json kept = Json::array();
  for (const auto& route : (*table)["Routes"])
    if (route.value("GatewayId", "") != endpoint_id) kept.push_back(route);
  (*table)["Routes"] = kept;
  res.put(kinds::route_table, *table);
}

void add_interface(Resources& res, Json& endpoint, const std::string& subnet_id) {
  NetworkInterfaceSpec spec;
  spec.subnet_id = subnet_id;
  spec.description = "VPC Endpoint Interface " + endpoint["VpcEndpointId"].get<std::string>();
  spec.interface_type = "vpc_endpoint";
  spec.requester_id = "amazon-vpce";
  for (const auto& group : endpoint["Groups"]) spec.security_group_ids.push_back(group["GroupId"]);
  Json subnet = res.get(kinds::subnet, subnet_id);
  for (const auto& existing : endpoint["SubnetIds"])
    if (auto other = res.find(kinds::subnet, existing); other && (*other)["AvailabilityZone"] == subnet["AvailabilityZone"])
      throw AwsError("DuplicateSubnetsInSameZone", "Found another VPC endpoint subnet in the availability zone of " + subnet_id);
  Json eni = create_network_interface(res, spec);
  endpoint["SubnetIds"].push_back(subnet_id);
  endpoint["NetworkInterfaceIds"].push_back(eni["NetworkInterfaceId"]);
}

void remove_interface(Resources& res, Json& endpoint, const std::string& subnet_id) {
  Json subnets = Json::array(), enis = Json::array();
  for (const auto& eni_id : endpoint["NetworkInterfaceIds"]) {
    auto eni = res.find(kinds::network_interface, eni_id);
    if (eni && (*eni)["SubnetId"] == subnet_id)
      release_network_interface(res, eni_id);
    else
      enis.push_back(eni_id);
  }
  for (const auto& s : endpoint["SubnetIds"])
    if (s != subnet_id) subnets.push_back(s);
  endpoint["SubnetIds"] = subnets;
  endpoint["NetworkInterfaceIds"] = enis;
}

Json groups_json(Resources& res, const std::vector<std::string>& ids, const std::string& vpc_id) {
  Json groups = Json::array();
  for (const auto& id : ids) {
    Json group = res.get(kinds::security_group, id);
    if (group["VpcId"] != vpc_id)
      throw invalid_parameter_value("Security group " + id + " is not in VPC " + vpc_id);
    groups.push_back(Json{{"GroupId", id}, {"GroupName", group["GroupName"]}});
  }
  return groups;
}

void remove_all(Json& list, const std::string& value) {
  Json kept = Json::array();
  for (const auto& v : list)
    if (v != value) kept.push_back(v);
  list = kept;
}

}  // namespace

Json Ec2::CreateVpcEndpoint(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string vpc_id = required(input, "VpcId");
  const std::string service = required(input, "ServiceName");
  res.get(kinds::vpc, vpc_id);
  const std::string type = str(input, "VpcEndpointType").empty() ? "Gateway" : str(input, "VpcEndpointType");
  const std::string prefix = "com.amazonaws." + ctx.region + ".";
  if (!service.starts_with(prefix) || service.size() == prefix.size())
    throw AwsError("InvalidServiceName", "The Vpc Endpoint Service '" + service + "' does not exist");
  const auto prefix_list = prefix_list_for_service(ctx.region, service);
  if (type == "Gateway" && !prefix_list)
    throw invalid_parameter_value("The Vpc Endpoint Service '" + service + "' does not support the Gateway endpoint type");
  if (type != "Gateway" && type != "Interface")
    throw invalid_parameter_value("Understudy supports Gateway and Interface endpoints, not " + type);

  const std::string id = new_id("vpce");
  Json endpoint{{"VpcEndpointId", id},
                {"VpcEndpointType", type},
                {"VpcId", vpc_id},
                {"ServiceName", service},
                {"State", "available"},
                {"PolicyDocument", str(input, "PolicyDocument").empty() ? kDefaultPolicy : str(input, "PolicyDocument")},
                {"RouteTableIds", Json::array()},
                {"SubnetIds", Json::array()},
                {"Groups", Json::array()},
                {"NetworkInterfaceIds", Json::array()},
                {"DnsEntries", Json::array()},
                {"PrivateDnsEnabled", false},
                {"RequesterManaged", false},
                {"IpAddressType", str(input, "IpAddressType").empty() ? "ipv4" : str(input, "IpAddressType")},
                {"CreationTimestamp", ctx.now},
                {"OwnerId", ctx.account},
                {"Tags", tags_from_specs(input, "vpc-endpoint")}};
  if (type == "Gateway") {
    for (const auto& table_id : strings(input, "RouteTableIds")) {
      add_gateway_route(res, endpoint, table_id, prefix_list->id);
      endpoint["RouteTableIds"].push_back(table_id);
    }
  } else {
    auto group_ids = strings(input, "SecurityGroupIds");
    if (group_ids.empty())
      for (const auto& group : res.list_where(kinds::security_group, "VpcId", vpc_id))
        if (group.value("_default", false)) group_ids.push_back(group["GroupId"]);
    endpoint["Groups"] = groups_json(res, group_ids, vpc_id);
    endpoint["PrivateDnsEnabled"] = boolean(input, "PrivateDnsEnabled").value_or(true);
    endpoint["DnsOptions"] = Json{{"DnsRecordIpType", "ipv4"}};
    const std::string short_name = service.substr(prefix.size());
    endpoint["DnsEntries"].push_back(Json{{"DnsName", id + "-" + state::random_hex(8) + "." + short_name + "." + ctx.region +
                                                          ".vpce.amazonaws.com"},
                                          {"HostedZoneId", "Z7HUB22UULQXV"}});
    for (const auto& subnet_id : strings(input, "SubnetIds")) add_interface(res, endpoint, subnet_id);
  }
  res.put(kinds::vpc_endpoint, endpoint);
  Json out = public_view(endpoint);
  if (type == "Interface") out["State"] = "pending";
  return Json{{"VpcEndpoint", out}, {"ClientToken", str(input, "ClientToken")}};
}

Json Ec2::DescribeVpcEndpoints(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kEndpointFilters);
  return paginate(select(res, kinds::vpc_endpoint, input.value("VpcEndpointIds", Json::array()), filters), input,
                  "VpcEndpoints", "DescribeVpcEndpoints");
}

Json Ec2::ModifyVpcEndpoint(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const std::string id = required(input, "VpcEndpointId");
  Json endpoint = res.get(kinds::vpc_endpoint, id);
  const std::string vpc_id = endpoint["VpcId"];
  if (endpoint["VpcEndpointType"] == "Gateway") {
    const auto list = prefix_list_for_service(ctx.region, endpoint["ServiceName"]);
    for (const auto& table_id : strings(input, "AddRouteTableIds")) {
      add_gateway_route(res, endpoint, table_id, list ? list->id : "");
      endpoint["RouteTableIds"].push_back(table_id);
    }
    for (const auto& table_id : strings(input, "RemoveRouteTableIds")) {
      remove_gateway_route(res, id, table_id);
      remove_all(endpoint["RouteTableIds"], table_id);
    }
  } else {
    for (const auto& subnet_id : strings(input, "RemoveSubnetIds")) remove_interface(res, endpoint, subnet_id);
    for (const auto& subnet_id : strings(input, "AddSubnetIds")) add_interface(res, endpoint, subnet_id);
    Json groups = endpoint["Groups"];
    for (const auto& group : groups_json(res, strings(input, "AddSecurityGroupIds"), vpc_id)) groups.push_back(group);
    for (const auto& group_id : strings(input, "RemoveSecurityGroupIds")) {
      Json kept = Json::array();
      for (const auto& g : groups)
        if (g["GroupId"] != group_id) kept.push_back(g);
      groups = kept;
    }
    endpoint["Groups"] = groups;
    if (auto dns = boolean(input, "PrivateDnsEnabled")) endpoint["PrivateDnsEnabled"] = *dns;
  }
  if (boolean(input, "ResetPolicy").value_or(false)) endpoint["PolicyDocument"] = kDefaultPolicy;
  if (auto policy = str(input, "PolicyDocument"); !policy.empty()) endpoint["PolicyDocument"] = policy;
  res.put(kinds::vpc_endpoint, endpoint);
  return Json{{"Return", true}};
}

Json Ec2::DeleteVpcEndpoints(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json unsuccessful = Json::array();
  for (const auto& id : strings(input, "VpcEndpointIds")) {
    auto endpoint = res.find(kinds::vpc_endpoint, id);
    if (!endpoint) {
      unsuccessful.push_back(Json{{"Error", {{"Code", "InvalidVpcEndpoint.NotFound"},
                                             {"Message", "The VPC endpoint '" + id + "' does not exist"}}},
                                  {"ResourceId", id}});
      continue;
    }
    for (const auto& table_id : (*endpoint)["RouteTableIds"]) remove_gateway_route(res, id, table_id);
    for (const auto& eni_id : (*endpoint)["NetworkInterfaceIds"]) release_network_interface(res, eni_id);
    res.erase(kinds::vpc_endpoint, id);
  }
  return Json{{"Unsuccessful", unsuccessful}};
}

}  // namespace understudy::ec2
