#pragma once
// Regions and their Availability Zones, and each zone's health. Later issues place real
// nodes in zones and take zones down. Nothing here knows any AWS service: EC2 answers
// from it, RDS and ElastiCache place nodes with it.
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace understudy::topology {

struct Region {
  std::string name;         // "us-east-1"
  std::string endpoint;     // "ec2.us-east-1.amazonaws.com"
  std::string opt_in_status;  // "opt-in-not-required" or "opted-in"
};

struct Zone {
  std::string name;       // "us-east-1a"
  std::string zone_id;    // "use1-az1"
  std::string region;     // "us-east-1"
  std::string group_name;  // the network border group: the region for ordinary zones
};

// Every commercial region, the default ones first, as DescribeRegions lists them.
const std::vector<Region>& regions();
std::optional<Region> find_region(std::string_view name);

// The zones of a region, a..f for us-east-1 and a..c elsewhere; empty for a region we
// do not know. Which zone id stands behind a letter differs between AWS accounts; here
// the mapping is fixed (us-east-1a is use1-az1, ...) so that every account sees the same.
std::vector<Zone> zones_in(std::string_view region);
std::optional<Zone> find_zone(std::string_view region, std::string_view zone_name);
std::optional<Zone> find_zone_by_id(std::string_view region, std::string_view zone_id);

// Which zones are down. One instance serves the whole emulator (the chaos API writes it,
// every service reads it); thread-safe.
class ZoneHealth {
 public:
  bool is_up(std::string_view zone_name) const;
  void set_down(std::string_view zone_name);
  void set_up(std::string_view zone_name);
  std::vector<std::string> down_zones() const;
  void reset();

 private:
  mutable std::mutex mutex_;
  std::set<std::string, std::less<>> down_;
};

// The emulator's zone health. A process-wide instance because the services are built
// with only the store and the clock (services/registry.cpp); the chaos API and the
// services share it through here.
ZoneHealth& zone_health();

}  // namespace understudy::topology
