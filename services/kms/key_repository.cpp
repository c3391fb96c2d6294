#include "services/kms/key_repository.hpp"

#include "emulator/state/arn.hpp"

namespace understudy::kms {
namespace {
state::ResourceKey key_key(const std::string& account, const std::string& region, const std::string& id) {
  return {account, region, kServiceName, kKeyType, id};
}
state::ResourceKey alias_key(const std::string& account, const std::string& region, const std::string& name) {
  return {account, region, kServiceName, kAliasType, name};
}
}  // namespace

std::string AliasRecord::arn() const { return state::make_arn("kms", region, account, name); }

Json AliasRecord::to_json() const {
  return {{"AliasName", name},
          {"TargetKeyId", target_key_id},
          {"CreationDate", creation_date},
          {"LastUpdatedDate", last_updated_date}};
}

AliasRecord AliasRecord::from_json(const Json& doc, const std::string& account, const std::string& region) {
  AliasRecord a;
  a.account = account;
  a.region = region;
  a.name = doc.at("AliasName").get<std::string>();
  a.target_key_id = doc.value("TargetKeyId", "");
  a.creation_date = doc.value("CreationDate", 0.0);
  a.last_updated_date = doc.value("LastUpdatedDate", a.creation_date);
  return a;
}

Json AliasRecord::list_entry() const {
  return {{"AliasName", name},
          {"AliasArn", arn()},
          {"TargetKeyId", target_key_id},
          {"CreationDate", creation_date},
          {"LastUpdatedDate", last_updated_date}};
}

std::optional<KeyRecord> KeyRepository::load(const std::string& account, const std::string& region,
                                             const std::string& key_id) {
  auto doc = store_.get(key_key(account, region, key_id));
  if (!doc) return std::nullopt;
  return KeyRecord::from_json(*doc, account, region);
}

std::vector<KeyRecord> KeyRepository::list(const std::string& account, const std::string& region) {
  std::vector<KeyRecord> out;
  for (auto& r : store_.list(account, region, kServiceName, kKeyType))
    out.push_back(KeyRecord::from_json(r.body, account, region));
  return out;
}

void KeyRepository::save(const KeyRecord& key) {
  store_.put(key_key(key.account, key.region, key.key_id), key.to_json(), key.due_at());
}

void KeyRepository::erase(const KeyRecord& key) {
  for (const auto& alias : list_aliases(key.account, key.region))
    if (alias.target_key_id == key.key_id) erase_alias(alias);
  store_.erase(key_key(key.account, key.region, key.key_id));
}

std::optional<AliasRecord> KeyRepository::load_alias(const std::string& account, const std::string& region,
                                                     const std::string& name) {
  auto doc = store_.get(alias_key(account, region, name));
  if (!doc) return std::nullopt;
  return AliasRecord::from_json(*doc, account, region);
}

std::vector<AliasRecord> KeyRepository::list_aliases(const std::string& account, const std::string& region) {
  std::vector<AliasRecord> out;
  for (auto& r : store_.list(account, region, kServiceName, kAliasType))
    out.push_back(AliasRecord::from_json(r.body, account, region));
  return out;
}

void KeyRepository::save_alias(const AliasRecord& alias) {
  store_.put(alias_key(alias.account, alias.region, alias.name), alias.to_json());
}

void KeyRepository::erase_alias(const AliasRecord& alias) {
  store_.erase(alias_key(alias.account, alias.region, alias.name));
}

}  // namespace understudy::kms
