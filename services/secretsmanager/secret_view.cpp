#include "services/secretsmanager/secret_view.hpp"

namespace understudy::secretsmanager {
namespace {

// The members DescribeSecret and ListSecrets share.
Json common_fields(const SecretRecord& secret) {
  Json out = {{"ARN", secret.arn()},
              {"Name", secret.name},
              {"LastChangedDate", secret.last_changed},
              {"CreatedDate", secret.created},
              {"PrimaryRegion", secret.primary_region.value_or(secret.region)}};
  if (secret.description) out["Description"] = *secret.description;
  if (secret.kms_key_id) out["KmsKeyId"] = *secret.kms_key_id;
  if (secret.type) out["Type"] = *secret.type;
  if (secret.owning_service) out["OwningService"] = *secret.owning_service;
  if (secret.last_accessed) out["LastAccessedDate"] = *secret.last_accessed;
  if (secret.deleted_date) out["DeletedDate"] = *secret.deleted_date;
  if (!secret.tags.empty()) out["Tags"] = secret.tags;
  if (const auto& r = secret.rotation) {
    out["RotationEnabled"] = r->enabled;
    if (r->lambda_arn && !r->lambda_arn->empty()) out["RotationLambdaARN"] = *r->lambda_arn;
    if (!r->rules.empty()) out["RotationRules"] = r->rules;
    // AWS shows these only while rotation is on.
    if (r->enabled && r->last_rotated) out["LastRotatedDate"] = *r->last_rotated;
    if (r->enabled && r->next_end) out["NextRotationDate"] = *r->next_end;
  }
  return out;
}

}  // namespace

Json versions_to_stages(const SecretRecord& secret) {
  Json map = Json::object();
  for (const auto& v : secret.versions)
    if (!v.stages.empty()) map[v.id] = v.stages;
  return map;
}

Json describe_secret(const SecretRecord& secret) {
  Json out = common_fields(secret);
  out["VersionIdsToStages"] = versions_to_stages(secret);
  if (!secret.replicas.empty()) out["ReplicationStatus"] = secret.replicas;
  return out;
}

Json list_entry(const SecretRecord& secret) {
  Json out = common_fields(secret);
  out["SecretVersionsToStages"] = versions_to_stages(secret);
  return out;
}

}  // namespace understudy::secretsmanager
