#pragma once
// One secret as the store keeps it: its metadata, its versions (values sealed by the
// Vault, never in the clear) and the staging labels that say which version is which.
// A secret is one document keyed by its name, so that a lookup is one store.get.
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/json.hpp"

namespace understudy::secretsmanager {

inline constexpr const char* kCurrent = "AWSCURRENT";
inline constexpr const char* kPrevious = "AWSPREVIOUS";
inline constexpr const char* kPending = "AWSPENDING";
// AWS's limits: staging labels on one version, and versions kept once they are old.
inline constexpr std::size_t kMaxStagesPerVersion = 20;
inline constexpr std::size_t kVersionsKept = 100;
inline constexpr double kVersionGraceSeconds = 24 * 3600;

struct SecretVersion {
  std::string id;
  std::vector<std::string> stages;
  double created = 0;
  // Absent for the empty version a failed rotation leaves behind AWSPENDING.
  std::optional<std::string> sealed_value;
  bool binary = false;  // the sealed text is then SecretBinary's base64
  // The secret ARN KMS bound the value to (its encryption context): the value is then the
  // Vault's seal of a KMS ciphertext. Absent for values the Vault alone sealed.
  std::optional<std::string> kms_context_arn;
  std::optional<double> last_accessed;

  bool has_stage(const std::string& stage) const;
};

struct RotationConfig {
  bool enabled = false;
  std::optional<std::string> lambda_arn;
  Json rules = Json::object();  // RotationRules as the caller gave them
  std::optional<double> last_rotated;
  // The next rotation window; the rotation fires at its start, and AWS reports its end.
  std::optional<double> next_start;
  std::optional<double> next_end;
  // What a days-based schedule counts from: the last rotation or value change.
  double schedule_base = 0;
};

struct SecretRecord {
  std::string account;
  std::string region;
  std::string name;
  std::string suffix;  // the 6 random characters after the name in the ARN
  std::optional<std::string> description;
  std::optional<std::string> kms_key_id;
  std::optional<std::string> type;
  std::optional<std::string> owning_service;
  std::optional<std::string> policy;
  Json tags = Json::array();
  double created = 0;
  double last_changed = 0;
  std::optional<double> last_accessed;
  std::optional<double> deleted_date;   // when DeleteSecret was called
  std::optional<double> deletion_date;  // when the recovery window ends
  std::optional<RotationConfig> rotation;  // absent until rotation was ever configured
  std::vector<SecretVersion> versions;     // oldest first
  std::optional<std::string> primary_region;  // set on a replica: where its primary lives
  Json replicas = Json::array();              // on a primary: its ReplicationStatus entries

  std::string arn() const;
  std::string arn_in(const std::string& other_region) const;
  bool scheduled_for_deletion() const { return deletion_date.has_value(); }
  bool is_replica() const { return primary_region.has_value(); }

  SecretVersion* find_version(const std::string& id);
  const SecretVersion* find_version(const std::string& id) const;
  SecretVersion* version_with_stage(const std::string& stage);
  const SecretVersion* version_with_stage(const std::string& stage) const;
  // A rotation started and not finished: AWSPENDING on a version that is not AWSCURRENT.
  const SecretVersion* pending_rotation() const;

  Json to_json() const;
  static SecretRecord from_json(const Json& doc, const std::string& account, const std::string& region);
};

// Staging-label moves, as AWS makes them. Each label is on at most one version; moving
// AWSCURRENT puts AWSPREVIOUS on the version it left.
void attach_stage(SecretRecord& secret, const std::string& stage, const std::string& version_id);
void detach_stage(SecretRecord& secret, const std::string& stage, const std::string& version_id);

// Adds a version and attaches `stages` to it (AWSCURRENT too when it is the secret's
// first version). Throws LimitExceededException past 20 labels.
SecretVersion& add_version(SecretRecord& secret, const std::string& id, std::optional<std::string> sealed_value,
                           bool binary, const std::vector<std::string>& stages, double now);

// Drops the oldest versions without labels once there are more than 100, sparing those
// created in the last 24 hours, as AWS does.
void prune_versions(SecretRecord& secret, double now);

// Midnight UTC of the day `t` falls in: AWS reports access dates to the day.
double day_of(double t);

}  // namespace understudy::secretsmanager
