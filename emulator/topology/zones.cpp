#include "emulator/topology/zones.hpp"

#include <array>

namespace understudy::topology {
namespace {

struct RegionSpec {
  std::string_view name;
  bool opt_in;
};

constexpr std::array<RegionSpec, 32> kRegions{{
    {"ap-south-1", false},     {"eu-north-1", false},     {"eu-west-3", false},      {"eu-west-2", false},
    {"eu-west-1", false},      {"ap-northeast-3", false}, {"ap-northeast-2", false}, {"ap-northeast-1", false},
    {"ca-central-1", false},   {"sa-east-1", false},      {"ap-southeast-1", false}, {"ap-southeast-2", false},
    {"eu-central-1", false},   {"us-east-1", false},      {"us-east-2", false},      {"us-west-1", false},
    {"us-west-2", false},      {"af-south-1", true},      {"ap-east-1", true},       {"ap-east-2", true},
    {"ap-south-2", true},      {"ap-southeast-3", true},  {"ap-southeast-4", true},  {"ap-southeast-5", true},
    {"ap-southeast-7", true},  {"ca-west-1", true},       {"eu-central-2", true},    {"eu-south-1", true},
    {"eu-south-2", true},      {"il-central-1", true},    {"me-central-1", true},    {"me-south-1", true},
}};
// mx-central-1 is left out: AWS lists it, but none of the clients we test know it yet.

// The short form AWS uses in zone ids: us-east-1 -> use1, ap-southeast-2 -> apse2.
std::string zone_id_prefix(std::string_view region) {
  auto first = region.find('-');
  auto last = region.rfind('-');
  if (first == std::string_view::npos || first == last) return std::string(region);
  std::string_view area = region.substr(0, first);
  std::string_view direction = region.substr(first + 1, last - first - 1);
  std::string_view number = region.substr(last + 1);
  std::string out(area);
  // Compound directions (northeast, southeast, ...) keep both initials.
  for (std::string_view part : {std::string_view("north"), std::string_view("south")}) {
    if (direction.starts_with(part) && direction.size() > part.size()) {
      out += part[0];
      direction.remove_prefix(part.size());
      break;
    }
  }
  if (!direction.empty()) out += direction[0];
  out += number;
  return out;
}

}  // namespace

const std::vector<Region>& regions() {
  static const std::vector<Region> all = [] {
    std::vector<Region> out;
    for (const auto& spec : kRegions)
      out.push_back({std::string(spec.name), "ec2." + std::string(spec.name) + ".amazonaws.com",
                     spec.opt_in ? "opted-in" : "opt-in-not-required"});
    return out;
  }();
  return all;
}

std::optional<Region> find_region(std::string_view name) {
  for (const auto& region : regions())
    if (region.name == name) return region;
  return std::nullopt;
}

std::vector<Zone> zones_in(std::string_view region) {
  if (!find_region(region)) return {};
  const int count = region == "us-east-1" ? 6 : 3;
  const std::string prefix = zone_id_prefix(region);
  std::vector<Zone> out;
  for (int i = 0; i < count; ++i) {
    Zone zone;
    zone.region = std::string(region);
    zone.name = zone.region + static_cast<char>('a' + i);
    zone.zone_id = prefix + "-az" + std::to_string(i + 1);
    zone.group_name = zone.region;
    out.push_back(std::move(zone));
  }
  return out;
}

std::optional<Zone> find_zone(std::string_view region, std::string_view zone_name) {
  for (auto& zone : zones_in(region))
    if (zone.name == zone_name) return zone;
  return std::nullopt;
}

std::optional<Zone> find_zone_by_id(std::string_view region, std::string_view zone_id) {
  for (auto& zone : zones_in(region))
    if (zone.zone_id == zone_id) return zone;
  return std::nullopt;
}

bool ZoneHealth::is_up(std::string_view zone_name) const {
  std::lock_guard lock(mutex_);
  return !down_.contains(zone_name);
}

void ZoneHealth::set_down(std::string_view zone_name) {
  std::lock_guard lock(mutex_);
  down_.emplace(zone_name);
}

void ZoneHealth::set_up(std::string_view zone_name) {
  std::lock_guard lock(mutex_);
  if (auto it = down_.find(zone_name); it != down_.end()) down_.erase(it);
}

std::vector<std::string> ZoneHealth::down_zones() const {
  std::lock_guard lock(mutex_);
  return {down_.begin(), down_.end()};
}

void ZoneHealth::reset() {
  std::lock_guard lock(mutex_);
  down_.clear();
}

ZoneHealth& zone_health() {
  static ZoneHealth health;
  return health;
}

}  // namespace understudy::topology
