#include "services/secretsmanager/secret_record.hpp"

#include <algorithm>
#include <cmath>

#include "emulator/state/arn.hpp"
#include "services/secretsmanager/errors.hpp"

namespace understudy::secretsmanager {
namespace {

template <class T>
void put_optional(Json& doc, const char* key, const std::optional<T>& value) {
  if (value) doc[key] = *value;
}

template <class T>
std::optional<T> get_optional(const Json& doc, const char* key) {
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return std::nullopt;
  return it->get<T>();
}

Json version_to_json(const SecretVersion& v) {
  Json doc = {{"id", v.id}, {"stages", v.stages}, {"created", v.created}, {"binary", v.binary}};
  put_optional(doc, "value", v.sealed_value);
  put_optional(doc, "kms_context_arn", v.kms_context_arn);
  put_optional(doc, "last_accessed", v.last_accessed);
  return doc;
}

SecretVersion version_from_json(const Json& doc) {
  SecretVersion v;
  v.id = doc.at("id").get<std::string>();
  v.stages = doc.at("stages").get<std::vector<std::string>>();
  v.created = doc.at("created").get<double>();
  v.binary = doc.value("binary", false);
  v.sealed_value = get_optional<std::string>(doc, "value");
  v.kms_context_arn = get_optional<std::string>(doc, "kms_context_arn");
  v.last_accessed = get_optional<double>(doc, "last_accessed");
  return v;
}

Json rotation_to_json(const RotationConfig& r) {
  Json doc = {{"enabled", r.enabled}, {"rules", r.rules}, {"schedule_base", r.schedule_base}};
  put_optional(doc, "lambda_arn", r.lambda_arn);
  put_optional(doc, "last_rotated", r.last_rotated);
  put_optional(doc, "next_start", r.next_start);
  put_optional(doc, "next_end", r.next_end);
  return doc;
}

RotationConfig rotation_from_json(const Json& doc) {
  RotationConfig r;
  r.enabled = doc.value("enabled", false);
  r.rules = doc.value("rules", Json::object());
  r.schedule_base = doc.value("schedule_base", 0.0);
  r.lambda_arn = get_optional<std::string>(doc, "lambda_arn");
  r.last_rotated = get_optional<double>(doc, "last_rotated");
  r.next_start = get_optional<double>(doc, "next_start");
  r.next_end = get_optional<double>(doc, "next_end");
  return r;
}

}  // namespace

bool SecretVersion::has_stage(const std::string& stage) const {
  return std::find(stages.begin(), stages.end(), stage) != stages.end();
}

std::string SecretRecord::arn() const { return arn_in(region); }

std::string SecretRecord::arn_in(const std::string& other_region) const {
  return state::make_arn("secretsmanager", other_region, account, "secret:" + name + "-" + suffix);
}

SecretVersion* SecretRecord::find_version(const std::string& id) {
  for (auto& v : versions)
    if (v.id == id) return &v;
  return nullptr;
}

const SecretVersion* SecretRecord::find_version(const std::string& id) const {
  return const_cast<SecretRecord*>(this)->find_version(id);
}

SecretVersion* SecretRecord::version_with_stage(const std::string& stage) {
  for (auto& v : versions)
    if (v.has_stage(stage)) return &v;
  return nullptr;
}

const SecretVersion* SecretRecord::version_with_stage(const std::string& stage) const {
  return const_cast<SecretRecord*>(this)->version_with_stage(stage);
}

const SecretVersion* SecretRecord::pending_rotation() const {
  const SecretVersion* pending = version_with_stage(kPending);
  if (pending && !pending->has_stage(kCurrent)) return pending;
  return nullptr;
}

Json SecretRecord::to_json() const {
  Json doc = {{"name", name},       {"suffix", suffix},   {"tags", tags},
              {"created", created}, {"last_changed", last_changed}, {"replicas", replicas}};
  put_optional(doc, "description", description);
  put_optional(doc, "kms_key_id", kms_key_id);
  put_optional(doc, "type", type);
  put_optional(doc, "owning_service", owning_service);
  put_optional(doc, "policy", policy);
  put_optional(doc, "last_accessed", last_accessed);
  put_optional(doc, "deleted_date", deleted_date);
  put_optional(doc, "deletion_date", deletion_date);
  put_optional(doc, "primary_region", primary_region);
  if (rotation) doc["rotation"] = rotation_to_json(*rotation);
  Json list = Json::array();
  for (const auto& v : versions) list.push_back(version_to_json(v));
  doc["versions"] = std::move(list);
  return doc;
}

SecretRecord SecretRecord::from_json(const Json& doc, const std::string& account, const std::string& region) {
  SecretRecord s;
  s.account = account;
  s.region = region;
  s.name = doc.at("name").get<std::string>();
  s.suffix = doc.at("suffix").get<std::string>();
  s.tags = doc.value("tags", Json::array());
  s.created = doc.value("created", 0.0);
  s.last_changed = doc.value("last_changed", s.created);
  s.replicas = doc.value("replicas", Json::array());
  s.description = get_optional<std::string>(doc, "description");
  s.kms_key_id = get_optional<std::string>(doc, "kms_key_id");
  s.type = get_optional<std::string>(doc, "type");
  s.owning_service = get_optional<std::string>(doc, "owning_service");
  s.policy = get_optional<std::string>(doc, "policy");
  s.last_accessed = get_optional<double>(doc, "last_accessed");
  s.deleted_date = get_optional<double>(doc, "deleted_date");
  s.deletion_date = get_optional<double>(doc, "deletion_date");
  s.primary_region = get_optional<std::string>(doc, "primary_region");
  if (auto it = doc.find("rotation"); it != doc.end()) s.rotation = rotation_from_json(*it);
  for (const auto& v : doc.value("versions", Json::array())) s.versions.push_back(version_from_json(v));
  return s;
}

void detach_stage(SecretRecord& secret, const std::string& stage, const std::string& version_id) {
  if (auto* v = secret.find_version(version_id)) std::erase(v->stages, stage);
}

void attach_stage(SecretRecord& secret, const std::string& stage, const std::string& version_id) {
  SecretVersion* target = secret.find_version(version_id);
  if (!target || target->has_stage(stage)) return;
  if (target->stages.size() >= kMaxStagesPerVersion)
    throw limit_exceeded("A version can have at most " + std::to_string(kMaxStagesPerVersion) + " staging labels.");
  std::string left;  // the version AWSCURRENT leaves, which becomes AWSPREVIOUS
  for (auto& v : secret.versions) {
    if (v.id == version_id || !v.has_stage(stage)) continue;
    std::erase(v.stages, stage);
    left = v.id;
  }
  target = secret.find_version(version_id);
  target->stages.push_back(stage);
  if (stage == kCurrent && !left.empty()) {
    for (auto& v : secret.versions) std::erase(v.stages, std::string(kPrevious));
    secret.find_version(left)->stages.push_back(kPrevious);
  }
}

SecretVersion& add_version(SecretRecord& secret, const std::string& id, std::optional<std::string> sealed_value,
                           bool binary, const std::vector<std::string>& stages, double now) {
  if (stages.size() > kMaxStagesPerVersion)
    throw limit_exceeded("A version can have at most " + std::to_string(kMaxStagesPerVersion) + " staging labels.");
  bool first = secret.versions.empty();
  SecretVersion v;
  v.id = id;
  v.created = now;
  v.sealed_value = std::move(sealed_value);
  v.binary = binary;
  secret.versions.push_back(std::move(v));
  for (const auto& stage : stages) attach_stage(secret, stage, id);
  if (first) attach_stage(secret, kCurrent, id);
  prune_versions(secret, now);
  return *secret.find_version(id);
}

void prune_versions(SecretRecord& secret, double now) {
  while (secret.versions.size() > kVersionsKept) {
    auto oldest = std::find_if(secret.versions.begin(), secret.versions.end(), [&](const SecretVersion& v) {
      return v.stages.empty() && now - v.created >= kVersionGraceSeconds;
    });
    if (oldest == secret.versions.end()) return;
    secret.versions.erase(oldest);
  }
}

double day_of(double t) { return std::floor(t / 86400.0) * 86400.0; }

}  // namespace understudy::secretsmanager
