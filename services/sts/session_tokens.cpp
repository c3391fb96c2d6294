// GetSessionToken and GetFederationToken: temporary credentials for the caller itself, or
// for a federated user of the caller's account.
#include <algorithm>

#include "services/sts/credentials.hpp"
#include "services/sts/errors.hpp"
#include "services/sts/identity.hpp"
#include "services/sts/sts.hpp"
#include "services/sts/validation.hpp"

namespace understudy::sts {
namespace {

constexpr long long kMinDuration = 900;
constexpr long long kMaxDuration = 129600;
constexpr long long kDefaultDuration = 43200;
// Every plain access key is taken for the account's root user (there are no IAM users
// yet), and AWS caps root sessions at one hour, silently.
constexpr long long kRootMaxDuration = 3600;

}  // namespace

Json Sts::GetSessionToken(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_string(v, input, "SerialNumber", "serialNumber", 9, 256, Charset::serial);
  check_string(v, input, "TokenCode", "tokenCode", 6, 6, Charset::digits);
  auto duration = duration_seconds(v, input, kMinDuration, kMaxDuration, kDefaultDuration);
  v.throw_if_any();
  if (caller_credentials(store_, ctx)) throw access_denied("Cannot call GetSessionToken with session credentials");

  auto identity = caller_identity(store_, ctx);
  auto issued =
      issue_credentials(store_, CredentialKind::session, identity, ctx.now, std::min(duration, kRootMaxDuration));
  return {{"Credentials", credentials_json(issued)}};
}

Json Sts::GetFederationToken(const Json& input, const RequestContext& ctx) {
  Violations v;
  v.require(input, "Name", "name");
  check_string(v, input, "Name", "name", 2, 32, Charset::word);
  auto duration = duration_seconds(v, input, kMinDuration, kMaxDuration, kDefaultDuration);
  auto packed = check_session_policies(v, input);  // throws gathered violations
  if (caller_credentials(store_, ctx)) throw access_denied("Cannot call GetFederationToken with session credentials");

  const std::string name = input.value("Name", "");
  const std::string account = ctx.account;
  CallerIdentity identity{account,
                          "arn:" + partition_of_region(ctx.region) + ":sts::" + account + ":federated-user/" + name,
                          account + ":" + name};
  auto issued = issue_credentials(store_, CredentialKind::federated_user, identity, ctx.now,
                                  std::min(duration, kRootMaxDuration));
  Json out = {{"Credentials", credentials_json(issued)},
              {"FederatedUser", {{"FederatedUserId", identity.user_id}, {"Arn", identity.arn}}}};
  if (packed) out["PackedPolicySize"] = *packed;
  return out;
}

}  // namespace understudy::sts
