#pragma once
// AWS KMS. Each operation is a member named after it; the handlers are grouped by
// concern in *_operations.cpp. The cryptography lives in KmsCrypto, which other services
// use too (kms_crypto.hpp).
#include <span>

#include "emulator/core/service.hpp"
#include "emulator/state/clock.hpp"
#include "emulator/state/store.hpp"
#include "services/kms/key_repository.hpp"
#include "services/kms/kms_crypto.hpp"

namespace understudy::kms {

class Kms : public ServiceWithOperations<Kms> {
 public:
  Kms(state::Store& store, state::Clock& clock) : store_(store), clock_(clock), repo_(store), crypto_(store) {}
  std::string_view model_name() const override { return "kms"; }
  static std::span<const Entry> operations();
  // A key's waiting period has ended (delete it), or its automatic rotation is due.
  void on_due(const std::string& account, const std::string& region, const std::string& type, const std::string& id,
              double now) override;

  // key_operations.cpp
  Json CreateKey(const Json& input, const RequestContext& ctx);
  Json DescribeKey(const Json& input, const RequestContext& ctx);
  Json ListKeys(const Json& input, const RequestContext& ctx);
  Json EnableKey(const Json& input, const RequestContext& ctx);
  Json DisableKey(const Json& input, const RequestContext& ctx);
  Json UpdateKeyDescription(const Json& input, const RequestContext& ctx);
  Json ScheduleKeyDeletion(const Json& input, const RequestContext& ctx);
  Json CancelKeyDeletion(const Json& input, const RequestContext& ctx);
  // rotation_operations.cpp
  Json EnableKeyRotation(const Json& input, const RequestContext& ctx);
  Json DisableKeyRotation(const Json& input, const RequestContext& ctx);
  Json GetKeyRotationStatus(const Json& input, const RequestContext& ctx);
  // policy_operations.cpp
  Json GetKeyPolicy(const Json& input, const RequestContext& ctx);
  Json PutKeyPolicy(const Json& input, const RequestContext& ctx);
  Json ListKeyPolicies(const Json& input, const RequestContext& ctx);
  // alias_operations.cpp
  Json CreateAlias(const Json& input, const RequestContext& ctx);
  Json UpdateAlias(const Json& input, const RequestContext& ctx);
  Json DeleteAlias(const Json& input, const RequestContext& ctx);
  Json ListAliases(const Json& input, const RequestContext& ctx);
  // tag_operations.cpp
  Json TagResource(const Json& input, const RequestContext& ctx);
  Json UntagResource(const Json& input, const RequestContext& ctx);
  Json ListResourceTags(const Json& input, const RequestContext& ctx);
  // crypto_operations.cpp
  Json Encrypt(const Json& input, const RequestContext& ctx);
  Json Decrypt(const Json& input, const RequestContext& ctx);
  Json GenerateDataKey(const Json& input, const RequestContext& ctx);
  Json GenerateDataKeyWithoutPlaintext(const Json& input, const RequestContext& ctx);
  Json ReEncrypt(const Json& input, const RequestContext& ctx);
  Json GenerateRandom(const Json& input, const RequestContext& ctx);

 private:
  // The key an operation that takes only key ids and key ARNs names.
  KeyRecord key_named(const Json& input, const RequestContext& ctx);

  state::Store& store_;
  state::Clock& clock_;
  KeyRepository repo_;
  KmsCrypto crypto_;
};

}  // namespace understudy::kms
