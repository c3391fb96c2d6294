#include "services/kms/errors.hpp"
#include "services/kms/key_lookup.hpp"
#include "services/kms/key_policy.hpp"
#include "services/kms/kms.hpp"
#include "services/kms/paging.hpp"

namespace understudy::kms {
namespace {

// A key has one policy, named "default"; AWS refuses every other name.
void require_default_name(const Json& input) {
  const std::string name = input.value("PolicyName", "default");
  if (name != "default") throw not_found("No such policy exists: '" + name + "'. The only valid name is default.");
}

}  // namespace

Json Kms::GetKeyPolicy(const Json& input, const RequestContext& ctx) {
  require_default_name(input);
  const KeyRecord key = key_named(input, ctx);
  return {{"Policy", key.policy}, {"PolicyName", "default"}};
}

Json Kms::PutKeyPolicy(const Json& input, const RequestContext& ctx) {
  require_default_name(input);
  KeyRecord key = key_named(input, ctx);
  require_not_pending_deletion(key);
  if (key.aws_managed())
    throw unsupported_operation(key.arn() + " is an AWS managed key; its key policy cannot be changed.");
  const std::string policy = input.value("Policy", "");
  validate_key_policy(policy);
  key.policy = policy;
  repo_.save(key);
  return Json::object();
}

Json Kms::ListKeyPolicies(const Json& input, const RequestContext& ctx) {
  key_named(input, ctx);
  return page_of(Json::array({"default"}), input, "PolicyNames", "ListKeyPolicies", 1000, 100);
}

}  // namespace understudy::kms
