#pragma once
// The hook through which a service that owns secrets (RDS's and ElastiCache's managed
// master passwords and AUTH tokens) rotates them for real. Secrets Manager makes the new
// AWSPENDING version, asks the owning service's Rotator to apply it to the real engine,
// and only then moves AWSCURRENT to it. Secrets rotated by a customer's Lambda have no
// Rotator: Understudy cannot run that code, and reports the rotation as failed.
#include <memory>
#include <string>
#include <vector>

namespace understudy::secretsmanager {

struct RotationRequest {
  std::string account;
  std::string region;
  std::string secret_arn;
  std::string secret_name;
  std::string owning_service;
  std::string version_id;     // the AWSPENDING version being rotated to
  std::string current_value;  // AWSCURRENT's SecretString
  std::string pending_value;  // the SecretString the engine must accept
};

class Rotator {
 public:
  virtual ~Rotator() = default;
  // The OwningService of the secrets this rotator manages ("rds", "elasticache").
  virtual std::string owning_service() const = 0;
  // The value to rotate to. By default the current JSON with a fresh "password".
  virtual std::string next_value(const std::string& current_value) const;
  // Makes the real engine accept `pending_value` (ALTER ROLE ... PASSWORD, AUTH token
  // change, ...). Throws std::exception when it cannot: the secret then keeps AWSPENDING
  // on the new version and AWSCURRENT where it was, as a failed rotation does on AWS.
  // Runs inside the store transaction of the call or scheduler tick that rotates.
  virtual void apply(const RotationRequest& request) = 0;
};

class RotatorRegistry {
 public:
  void add(std::shared_ptr<Rotator> rotator) { rotators_.push_back(std::move(rotator)); }
  Rotator* find(const std::string& owning_service) const {
    for (const auto& r : rotators_)
      if (r->owning_service() == owning_service) return r.get();
    return nullptr;
  }

 private:
  std::vector<std::shared_ptr<Rotator>> rotators_;
};

}  // namespace understudy::secretsmanager
