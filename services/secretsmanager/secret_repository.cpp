#include "services/secretsmanager/secret_repository.hpp"

#include "services/secretsmanager/replication.hpp"

namespace understudy::secretsmanager {
namespace {

bool expired(const SecretRecord& secret, double now) {
  return secret.deletion_date && *secret.deletion_date <= now;
}

}  // namespace

state::ResourceKey secret_key(const std::string& account, const std::string& region, const std::string& name) {
  return {account, region, kServiceName, kSecretType, name};
}

std::optional<double> due_time(const SecretRecord& secret) {
  if (secret.deletion_date) return secret.deletion_date;
  if (secret.is_replica() || !secret.rotation || !secret.rotation->enabled) return std::nullopt;
  // A rotation that did not finish waits for someone to finish or cancel it.
  if (secret.pending_rotation()) return std::nullopt;
  return secret.rotation->next_start;
}

std::optional<SecretRecord> SecretRepository::load(const std::string& account, const std::string& region,
                                                   const std::string& name, double now) {
  auto doc = store_.get(secret_key(account, region, name));
  if (!doc) return std::nullopt;
  auto secret = SecretRecord::from_json(*doc, account, region);
  if (expired(secret, now)) return std::nullopt;
  return secret;
}

std::vector<SecretRecord> SecretRepository::list(const std::string& account, const std::string& region, double now) {
  std::vector<SecretRecord> out;
  for (auto& stored : store_.list(account, region, kServiceName, kSecretType)) {
    auto secret = SecretRecord::from_json(stored.body, account, region);
    if (!expired(secret, now)) out.push_back(std::move(secret));
  }
  return out;
}

void SecretRepository::save_alone(const SecretRecord& secret) {
  store_.put(secret_key(secret.account, secret.region, secret.name), secret.to_json(), due_time(secret));
}

void SecretRepository::save(const SecretRecord& secret) {
  save_alone(secret);
  if (!secret.is_replica()) sync_replicas(*this, secret);
}

void SecretRepository::erase(const SecretRecord& secret) {
  store_.erase(secret_key(secret.account, secret.region, secret.name));
}

}  // namespace understudy::secretsmanager
