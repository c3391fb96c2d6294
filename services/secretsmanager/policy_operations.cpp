// PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy, ValidateResourcePolicy.
#include "services/secretsmanager/errors.hpp"
#include "services/secretsmanager/resource_policy.hpp"
#include "services/secretsmanager/secret_lookup.hpp"
#include "services/secretsmanager/secretsmanager.hpp"

namespace understudy::secretsmanager {

Json SecretsManager::PutResourcePolicy(const Json& input, const RequestContext& ctx) {
  auto secret = require_primary_secret(repo_, ctx, input.value("SecretId", ""));
  const auto text = input.value("ResourcePolicy", std::string());
  const Json policy = parse_policy(text);
  const Json errors = policy_grammar_errors(policy);
  if (!errors.empty()) throw malformed_policy(errors[0]["ErrorMessage"].get<std::string>());
  if (input.value("BlockPublicPolicy", false) && grants_public_access(policy))
    throw AwsError("PublicPolicyException",
                   "The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad "
                   "access to the secret.");
  secret.policy = text;
  secret.last_changed = ctx.now;
  repo_.save(secret);
  return {{"ARN", secret.arn()}, {"Name", secret.name}};
}

Json SecretsManager::GetResourcePolicy(const Json& input, const RequestContext& ctx) {
  auto secret = require_active_secret(repo_, ctx, input.value("SecretId", ""));
  Json out = {{"ARN", secret.arn()}, {"Name", secret.name}};
  if (secret.policy) out["ResourcePolicy"] = *secret.policy;
  return out;
}

Json SecretsManager::DeleteResourcePolicy(const Json& input, const RequestContext& ctx) {
  auto secret = require_primary_secret(repo_, ctx, input.value("SecretId", ""));
  if (secret.policy) {
    secret.policy.reset();
    secret.last_changed = ctx.now;
    repo_.save(secret);
  }
  return {{"ARN", secret.arn()}, {"Name", secret.name}};
}

Json SecretsManager::ValidateResourcePolicy(const Json& input, const RequestContext& ctx) {
  if (auto id = input.find("SecretId"); id != input.end() && id->is_string())
    require_secret(repo_, ctx, id->get<std::string>());
  const Json policy = parse_policy(input.value("ResourcePolicy", std::string()));
  Json errors = policy_grammar_errors(policy);
  if (grants_public_access(policy))
    errors.push_back({{"CheckName", kPublicAccessCheck},
                      {"ErrorMessage", "The resource policy grants broad access to the secret: a statement allows "
                                       "every principal without a condition."}});
  return {{"PolicyValidationPassed", errors.empty()}, {"ValidationErrors", errors}};
}

}  // namespace understudy::secretsmanager
