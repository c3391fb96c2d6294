// GetSecretValue, BatchGetSecretValue, PutSecretValue, ListSecretVersionIds,
// UpdateSecretVersionStage: a secret's versions and the staging labels on them.
#include <algorithm>

#include "emulator/state/ids.hpp"
#include "services/secretsmanager/errors.hpp"
#include "services/secretsmanager/list_filters.hpp"
#include "services/secretsmanager/paging.hpp"
#include "services/secretsmanager/rotation.hpp"
#include "services/secretsmanager/secret_lookup.hpp"
#include "services/secretsmanager/secretsmanager.hpp"

namespace understudy::secretsmanager {
namespace {

std::optional<std::string> optional_string(const Json& input, const char* key) {
  auto it = input.find(key);
  if (it == input.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

AwsError no_value_for_stage(const std::string& stage) {
  return AwsError("ResourceNotFoundException",
                  "Secrets Manager can't find the specified secret value for staging label: " + stage);
}

AwsError no_value_for_version(const std::string& id) {
  return AwsError("ResourceNotFoundException", "Secrets Manager can't find the specified secret value for VersionId: " + id);
}

void validate_stage(const std::string& stage) {
  if (stage.empty() || stage.size() > 256)
    throw invalid_parameter("A staging label must be between 1 and 256 characters.");
}

}  // namespace

Json SecretsManager::read_value(const RequestContext& ctx, SecretRecord& secret,
                                const std::optional<std::string>& version_id,
                                const std::optional<std::string>& version_stage) {
  const double now = ctx.now;
  SecretVersion* version = nullptr;
  if (version_id) {
    version = secret.find_version(*version_id);
    if (!version || !version->sealed_value) throw no_value_for_version(*version_id);
    if (version_stage && !version->has_stage(*version_stage))
      throw AwsError("ResourceNotFoundException",
                     "You provided a VersionStage that is not associated to the provided VersionId.");
  } else {
    const std::string stage = version_stage.value_or(kCurrent);
    version = secret.version_with_stage(stage);
    if (!version || !version->sealed_value) throw no_value_for_stage(stage);
  }
  Json out = {{"ARN", secret.arn()},
              {"Name", secret.name},
              {"VersionId", version->id},
              {"VersionStages", version->stages},
              {"CreatedDate", version->created}};
  write_value(out, cipher_.open(ctx, *version));
  // Access dates are kept to the day, so the hot path writes at most once a day.
  const double today = day_of(now);
  if (secret.last_accessed != today || version->last_accessed != today) {
    secret.last_accessed = today;
    version->last_accessed = today;
    repo_.save_alone(secret);
  }
  return out;
}

Json SecretsManager::GetSecretValue(const Json& input, const RequestContext& ctx) {
  auto secret = require_active_secret(repo_, ctx, input.value("SecretId", ""));
  return read_value(ctx, secret, optional_string(input, "VersionId"), optional_string(input, "VersionStage"));
}

Json SecretsManager::BatchGetSecretValue(const Json& input, const RequestContext& ctx) {
  const bool has_ids = input.contains("SecretIdList") && !input["SecretIdList"].is_null();
  const bool has_filters = input.contains("Filters") && !input["Filters"].is_null();
  if (has_ids == has_filters) throw invalid_parameter("You must include either SecretIdList or Filters, but not both.");
  if (has_ids && input.contains("MaxResults"))
    throw invalid_parameter("You can use MaxResults only with Filters, not with SecretIdList.");
  Json values = Json::array(), errors = Json::array();
  Json out = Json::object();
  auto read_into = [&](const std::string& secret_id, SecretRecord& secret) {
    try {
      values.push_back(read_value(ctx, secret, std::nullopt, std::nullopt));
    } catch (const AwsError& e) {
      errors.push_back({{"SecretId", secret_id}, {"ErrorCode", e.code}, {"Message", e.message()}});
    }
  };
  if (has_ids) {
    for (const auto& id_json : input["SecretIdList"]) {
      const auto id = id_json.get<std::string>();
      try {
        auto secret = require_active_secret(repo_, ctx, id);
        read_into(id, secret);
      } catch (const AwsError& e) {
        errors.push_back({{"SecretId", id}, {"ErrorCode", e.code}, {"Message", e.message()}});
      }
    }
  } else {
    const Json& filters = input["Filters"];
    validate_filters(filters);
    std::vector<SecretRecord> secrets;
    for (auto& s : repo_.list(ctx.account, ctx.region, ctx.now))
      if (!s.scheduled_for_deletion() && matches_filters(s, filters)) secrets.push_back(std::move(s));
    const auto page = page_of(secrets.size(), input, 20, "BatchGetSecretValue:" + filters.dump());
    for (std::size_t i = page.begin; i < page.end; ++i) read_into(secrets[i].name, secrets[i]);
    if (page.next_token) out["NextToken"] = *page.next_token;
  }
  out["SecretValues"] = std::move(values);
  out["Errors"] = std::move(errors);
  return out;
}

Json SecretsManager::PutSecretValue(const Json& input, const RequestContext& ctx) {
  auto secret = require_primary_secret(repo_, ctx, input.value("SecretId", ""));
  if (secret.owning_service) throw managed_by_other_service(*secret.owning_service);
  const auto value = value_from_input(input);
  if (!value) throw invalid_parameter("You must provide either SecretString or SecretBinary.");
  const auto token = optional_string(input, "ClientRequestToken").value_or(state::uuid4());
  std::vector<std::string> stages = {kCurrent};
  if (auto it = input.find("VersionStages"); it != input.end() && !it->is_null()) {
    stages = it->get<std::vector<std::string>>();
    for (const auto& stage : stages) validate_stage(stage);
  }
  const bool moves_current = std::find(stages.begin(), stages.end(), kCurrent) != stages.end();
  if (put_version(ctx, secret, token, *value, stages)) {
    secret.last_changed = ctx.now;
    if (moves_current && secret.rotation) {
      secret.rotation->schedule_base = ctx.now;
      schedule_next_rotation(secret, ctx.now);
    }
    repo_.save(secret);
  }
  return {{"ARN", secret.arn()},
          {"Name", secret.name},
          {"VersionId", token},
          {"VersionStages", secret.find_version(token)->stages}};
}

Json SecretsManager::ListSecretVersionIds(const Json& input, const RequestContext& ctx) {
  auto secret = require_secret(repo_, ctx, input.value("SecretId", ""));
  const bool include_deprecated = input.value("IncludeDeprecated", false);
  std::vector<const SecretVersion*> versions;
  for (const auto& v : secret.versions)
    if (include_deprecated || !v.stages.empty()) versions.push_back(&v);
  const auto page = page_of(versions.size(), input, 100,
                            "ListSecretVersionIds:" + secret.arn() + (include_deprecated ? ":all" : ""));
  Json list = Json::array();
  for (std::size_t i = page.begin; i < page.end; ++i) {
    const auto& v = *versions[i];
    Json entry = {{"VersionId", v.id},
                  {"VersionStages", v.stages},
                  {"CreatedDate", v.created},
                  {"KmsKeyIds", Json::array({secret.kms_key_id.value_or("DefaultEncryptionKey")})}};
    if (v.last_accessed) entry["LastAccessedDate"] = *v.last_accessed;
    list.push_back(std::move(entry));
  }
  Json out = {{"Versions", std::move(list)}, {"ARN", secret.arn()}, {"Name", secret.name}};
  if (page.next_token) out["NextToken"] = *page.next_token;
  return out;
}

Json SecretsManager::UpdateSecretVersionStage(const Json& input, const RequestContext& ctx) {
  auto secret = require_primary_secret(repo_, ctx, input.value("SecretId", ""));
  if (secret.owning_service) throw managed_by_other_service(*secret.owning_service);
  const auto stage = input.value("VersionStage", std::string());
  validate_stage(stage);
  const auto move_to = optional_string(input, "MoveToVersionId");
  const auto remove_from = optional_string(input, "RemoveFromVersionId");
  if (!move_to && !remove_from)
    throw invalid_parameter("You must specify MoveToVersionId, RemoveFromVersionId, or both.");
  if (move_to && !secret.find_version(*move_to))
    throw invalid_parameter("The version " + *move_to + " doesn't exist for secret " + secret.name + ".");
  if (remove_from && !secret.find_version(*remove_from))
    throw invalid_parameter("The version " + *remove_from + " doesn't exist for secret " + secret.name + ".");
  const SecretVersion* holder = secret.version_with_stage(stage);
  const std::string holder_id = holder ? holder->id : std::string();

  if (move_to) {
    if (holder && holder_id != *move_to) {
      if (!remove_from)
        throw invalid_parameter("The parameter RemoveFromVersionId can't be empty. Staging label " + stage +
                                " is currently attached to version " + holder_id +
                                ", so you must explicitly reference that version in RemoveFromVersionId.");
      if (*remove_from != holder_id)
        throw invalid_parameter("The staging label " + stage + " is currently attached to version " + holder_id +
                                ", not to version " + *remove_from + ".");
    }
    if (remove_from && holder_id != *remove_from && !(holder_id == *move_to && *remove_from == *move_to))
      throw invalid_parameter("The staging label " + stage + " isn't attached to version " + *remove_from + ".");
    attach_stage(secret, stage, *move_to);
  } else {
    if (holder_id != *remove_from)
      throw invalid_parameter("The staging label " + stage + " isn't attached to version " + *remove_from + ".");
    if (stage == kCurrent)
      throw invalid_parameter(
          "You can only move staging label AWSCURRENT to a different secret version. It can't be completely removed.");
    detach_stage(secret, stage, *remove_from);
  }
  secret.last_changed = ctx.now;
  repo_.save(secret);
  return {{"ARN", secret.arn()}, {"Name", secret.name}};
}

}  // namespace understudy::secretsmanager
