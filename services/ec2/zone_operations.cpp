// DescribeAvailabilityZones, DescribeRegions, DescribeAccountAttributes: what the account
// sees of AWS's geography and its own limits.
#include <algorithm>
#include <array>

#include "emulator/topology/zones.hpp"
#include "services/ec2/account_defaults.hpp"
#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 9> kZoneFilters{{
    {"zone-name", "ZoneName"},
    {"zone-id", "ZoneId"},
    {"region-name", "RegionName"},
    {"state", "State"},
    {"opt-in-status", "OptInStatus"},
    {"group-name", "GroupName"},
    {"network-border-group", "NetworkBorderGroup"},
    {"zone-type", "ZoneType"},
    {"message", "Messages[].Message"},
}};

constexpr std::array<FilterField, 3> kRegionFilters{{
    {"endpoint", "Endpoint"},
    {"region-name", "RegionName"},
    {"opt-in-status", "OptInStatus"},
}};

Json zone_json(const topology::Zone& zone, const std::string& opt_in) {
  const bool up = topology::zone_health().is_up(zone.name);
  Json messages = Json::array();
  if (!up) messages.push_back(Json{{"Message", "This Availability Zone is impaired (taken down through Understudy)."}});
  return Json{{"ZoneName", zone.name},
              {"ZoneId", zone.zone_id},
              {"RegionName", zone.region},
              {"State", up ? "available" : "impaired"},
              {"OptInStatus", opt_in},
              {"Messages", messages},
              {"GroupName", zone.group_name},
              {"NetworkBorderGroup", zone.group_name},
              {"ZoneType", "availability-zone"}};
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

Json Ec2::DescribeAvailabilityZones(const Json& input, const RequestContext& ctx) {
  FilterSet filters(input, kZoneFilters);
  const auto names = strings(input, "ZoneNames");
  const auto ids = strings(input, "ZoneIds");
  const auto zones = topology::zones_in(ctx.region);
  for (const auto& name : names)
    if (!std::any_of(zones.begin(), zones.end(), [&](const auto& z) { return z.name == name; }))
      throw invalid_parameter_value("The zone '" + name + "' does not exist.");
  for (const auto& id : ids)
    if (!std::any_of(zones.begin(), zones.end(), [&](const auto& z) { return z.zone_id == id; }))
      throw invalid_parameter_value("The zone ID '" + id + "' does not exist.");

  // A region's zones are enabled with it: "opt-in-not-required" in the default regions.
  const auto region = topology::find_region(ctx.region);
  const std::string opt_in = region ? region->opt_in_status : "opt-in-not-required";
  Json out = Json::array();
  for (const auto& zone : zones) {
    if (!names.empty() || !ids.empty())
      if (!contains(names, zone.name) && !contains(ids, zone.zone_id)) continue;
    Json z = zone_json(zone, opt_in);
    if (filters.matches(z)) out.push_back(std::move(z));
  }
  return Json{{"AvailabilityZones", out}};
}

Json Ec2::DescribeRegions(const Json& input, const RequestContext&) {
  FilterSet filters(input, kRegionFilters);
  const auto names = strings(input, "RegionNames");
  for (const auto& name : names)
    if (!topology::find_region(name)) throw invalid_parameter_value("Invalid region: " + name);
  Json out = Json::array();
  for (const auto& region : topology::regions()) {
    if (!names.empty() && !contains(names, region.name)) continue;
    Json r{{"RegionName", region.name}, {"Endpoint", region.endpoint}, {"OptInStatus", region.opt_in_status}};
    if (filters.matches(r)) out.push_back(std::move(r));
  }
  return Json{{"Regions", out}};
}

Json Ec2::DescribeAccountAttributes(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const auto vpc = default_vpc_id(res);
  const std::vector<std::pair<std::string, std::string>> attributes{
      {"supported-platforms", "VPC"},
      {"vpc-max-security-groups-per-interface", "5"},
      {"max-elastic-ips", "5"},
      {"max-instances", "20"},
      {"vpc-max-elastic-ips", "5"},
      {"default-vpc", vpc.value_or("none")},
  };
  const auto wanted = strings(input, "AttributeNames");
  for (const auto& name : wanted)
    if (std::none_of(attributes.begin(), attributes.end(), [&](const auto& a) { return a.first == name; }))
      throw invalid_parameter_value("Value (" + name + ") for parameter attributeName is invalid. Unknown attribute.");
  Json out = Json::array();
  for (const auto& [name, value] : attributes) {
    if (!wanted.empty() && !contains(wanted, name)) continue;
    out.push_back(Json{{"AttributeName", name}, {"AttributeValues", Json::array({{{"AttributeValue", value}}})}});
  }
  return Json{{"AccountAttributes", out}};
}

}  // namespace understudy::ec2
