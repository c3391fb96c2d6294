#pragma once
// Secrets in the store: one document per secret, keyed by account, region and name.
// Saving a primary also rewrites its replicas, and tells the scheduler when the secret
// is next due (end of its recovery window, or start of its next rotation window).
#include <optional>
#include <string>
#include <vector>

#include "emulator/state/store.hpp"
#include "services/secretsmanager/secret_record.hpp"

namespace understudy::secretsmanager {

inline constexpr const char* kServiceName = "secretsmanager";
inline constexpr const char* kSecretType = "secret";

state::ResourceKey secret_key(const std::string& account, const std::string& region, const std::string& name);

// When the scheduler should next call on_due for this secret, if ever.
std::optional<double> due_time(const SecretRecord& secret);

class SecretRepository {
 public:
  explicit SecretRepository(state::Store& store) : store_(store) {}

  // A secret whose recovery window has ended is gone, even before the scheduler erased it.
  std::optional<SecretRecord> load(const std::string& account, const std::string& region, const std::string& name,
                                   double now);
  std::vector<SecretRecord> list(const std::string& account, const std::string& region, double now);
  // Writes the secret; a primary's in-sync replicas are rewritten from it.
  void save(const SecretRecord& secret);
  // Writes only this document (a replica's own access date, a replica copy).
  void save_alone(const SecretRecord& secret);
  void erase(const SecretRecord& secret);
  state::Store& store() { return store_; }

 private:
  state::Store& store_;
};

}  // namespace understudy::secretsmanager
