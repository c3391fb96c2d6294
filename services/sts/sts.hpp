#pragma once
// AWS Security Token Service: who is calling, and temporary credentials for roles,
// federated users and sessions. Issued credentials are remembered so that a client using
// them is recognised (GetCallerIdentity, GetAccessKeyInfo).
#include <span>

#include "emulator/core/service.hpp"
#include "emulator/state/store.hpp"

namespace understudy::sts {

class Sts : public ServiceWithOperations<Sts> {
 public:
  explicit Sts(state::Store& store) : store_(store) {}

  std::string_view model_name() const override { return "sts"; }
  // The caller of these has no AWS credentials yet: that is what they are for.
  bool allows_unsigned(std::string_view operation) const override {
    return operation == "AssumeRoleWithWebIdentity" || operation == "AssumeRoleWithSAML";
  }
  static std::span<const Entry> operations();
  void on_due(const std::string& account, const std::string& region, const std::string& type, const std::string& id,
              double now) override;

  Json AssumeRole(const Json& input, const RequestContext& ctx);
  Json AssumeRoleWithWebIdentity(const Json& input, const RequestContext& ctx);
  Json AssumeRoleWithSAML(const Json& input, const RequestContext& ctx);
  Json GetSessionToken(const Json& input, const RequestContext& ctx);
  Json GetFederationToken(const Json& input, const RequestContext& ctx);
  Json GetCallerIdentity(const Json& input, const RequestContext& ctx);
  Json GetAccessKeyInfo(const Json& input, const RequestContext& ctx);
  Json DecodeAuthorizationMessage(const Json& input, const RequestContext& ctx);

 private:
  state::Store& store_;
};

}  // namespace understudy::sts
