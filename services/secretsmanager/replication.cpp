#include "services/secretsmanager/replication.hpp"

#include <regex>

#include "services/secretsmanager/errors.hpp"
#include "services/secretsmanager/secret_repository.hpp"

namespace understudy::secretsmanager {
namespace {

constexpr const char* kInSync = "InSync";
constexpr const char* kFailed = "Failed";
constexpr const char* kDefaultKey = "alias/aws/secretsmanager";

bool valid_region(const std::string& region) {
  static const std::regex pattern("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$");
  return std::regex_match(region, pattern);
}

// The replica's document as it should be: the primary's, seen from another region.
SecretRecord replica_of(const SecretRecord& primary, const Json& entry, const SecretRecord* existing) {
  SecretRecord replica = primary;
  replica.region = entry.at("Region").get<std::string>();
  replica.primary_region = primary.region;
  replica.replicas = Json::array();
  replica.kms_key_id.reset();
  if (auto key = entry.value("KmsKeyId", std::string()); !key.empty() && key != kDefaultKey) replica.kms_key_id = key;
  // Access dates are each region's own.
  replica.last_accessed = existing ? existing->last_accessed : std::nullopt;
  return replica;
}

}  // namespace

void sync_replicas(SecretRepository& repo, const SecretRecord& primary) {
  for (const auto& entry : primary.replicas) {
    if (entry.value("Status", "") != kInSync) continue;
    const auto region = entry.at("Region").get<std::string>();
    auto existing = repo.load(primary.account, region, primary.name, 0);
    if (existing && !(existing->is_replica() && *existing->primary_region == primary.region)) continue;
    repo.save_alone(replica_of(primary, entry, existing ? &*existing : nullptr));
  }
}

void add_replicas(SecretRepository& repo, SecretRecord& primary, const Json& add_regions, bool force_overwrite,
                  double now) {
  for (const auto& wanted : add_regions) {
    const auto region = wanted.value("Region", std::string());
    if (!valid_region(region)) throw invalid_parameter("Invalid replica region: " + region + ".");
    if (region == primary.region)
      throw invalid_parameter("Invalid replica region: " + region + " is the primary secret's region.");
    for (const auto& entry : primary.replicas)
      if (entry.value("Region", "") == region)
        throw invalid_parameter("The secret is already replicated to " + region + ".");
  }
  for (const auto& wanted : add_regions) {
    const auto region = wanted.at("Region").get<std::string>();
    Json entry = {{"Region", region}, {"KmsKeyId", wanted.value("KmsKeyId", std::string(kDefaultKey))}};
    auto existing = repo.load(primary.account, region, primary.name, now);
    if (existing && !force_overwrite) {
      entry["Status"] = kFailed;
      entry["StatusMessage"] = "Replication failed: Secret with this name already exists in this region.";
    } else {
      entry["Status"] = kInSync;
      entry["StatusMessage"] = "Replication succeeded";
      repo.save_alone(replica_of(primary, entry, nullptr));
    }
    primary.replicas.push_back(std::move(entry));
  }
}

void remove_replicas(SecretRepository& repo, SecretRecord& primary, const Json& regions) {
  for (const auto& region_json : regions) {
    const auto region = region_json.get<std::string>();
    bool found = false;
    for (const auto& entry : primary.replicas) found = found || entry.value("Region", "") == region;
    if (!found) throw invalid_parameter("The secret isn't replicated to " + region + ".");
  }
  Json kept = Json::array();
  for (auto& entry : primary.replicas) {
    const auto region = entry.value("Region", "");
    bool removed = false;
    for (const auto& r : regions) removed = removed || r.get<std::string>() == region;
    if (!removed) {
      kept.push_back(entry);
      continue;
    }
    auto replica = repo.load(primary.account, region, primary.name, 0);
    if (replica && replica->is_replica() && *replica->primary_region == primary.region) repo.erase(*replica);
  }
  primary.replicas = std::move(kept);
}

void promote_replica(SecretRepository& repo, SecretRecord& replica, double now) {
  if (!replica.is_replica()) throw invalid_request("The secret " + replica.name + " isn't a replica secret.");
  const std::string primary_region = *replica.primary_region;
  replica.primary_region.reset();
  replica.last_changed = now;
  if (auto primary = repo.load(replica.account, primary_region, replica.name, 0)) {
    Json kept = Json::array();
    for (const auto& entry : primary->replicas)
      if (entry.value("Region", "") != replica.region) kept.push_back(entry);
    primary->replicas = std::move(kept);
    repo.save_alone(*primary);
  }
}

}  // namespace understudy::secretsmanager
