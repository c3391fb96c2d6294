// AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML.
//
// IAM is not served by the emulator yet, so any well-formed role ARN is accepted: there
// is no role to look up, no trust policy to evaluate and no MaxSessionDuration but
// STS's own ceiling. When IAM lands, these are the places that ask it.
#include <openssl/evp.h>

#include <cmath>
#include <ctime>

#include "emulator/core/base64.hpp"
#include "services/sts/credentials.hpp"
#include "services/sts/errors.hpp"
#include "services/sts/identity.hpp"
#include "services/sts/jwt.hpp"
#include "services/sts/saml_assertion.hpp"
#include "services/sts/sts.hpp"
#include "services/sts/validation.hpp"

namespace understudy::sts {
namespace {

constexpr long long kRoleMinDuration = 900;
constexpr long long kRoleMaxDuration = 43200;
constexpr long long kDefaultDuration = 3600;
constexpr long long kChainedMaxDuration = 3600;

struct RoleSession {
  RoleArn role;
  std::string session_name;
  long long duration;
  std::optional<int> packed_policy_size;
};

// Members every AssumeRole* call shares; validation errors are gathered into one answer.
RoleSession check_role_session(Violations& v, const Json& input, bool has_session_name) {
  v.require(input, "RoleArn", "roleArn");
  check_string(v, input, "RoleArn", "roleArn", 20, 2048);
  if (has_session_name) {
    v.require(input, "RoleSessionName", "roleSessionName");
    check_string(v, input, "RoleSessionName", "roleSessionName", 2, 64, Charset::word);
  }
  RoleSession session;
  session.duration = duration_seconds(v, input, kRoleMinDuration, kRoleMaxDuration, kDefaultDuration);
  session.packed_policy_size = check_session_policies(v, input);  // throws gathered violations
  session.role = parse_role_arn(input.value("RoleArn", ""));
  session.session_name = input.value("RoleSessionName", "");
  return session;
}

Json assume(state::Store& store, const RoleSession& session, double now) {
  const auto& role = session.role;
  const std::string role_id = role_id_of(role.arn);
  CallerIdentity identity{role.account,
                          "arn:" + role.partition + ":sts::" + role.account + ":assumed-role/" + role.name + "/" +
                              session.session_name,
                          role_id + ":" + session.session_name};
  auto issued = issue_credentials(store, CredentialKind::assumed_role, identity, now, session.duration);
  Json out = {{"Credentials", credentials_json(issued)},
              {"AssumedRoleUser", {{"AssumedRoleId", identity.user_id}, {"Arn", identity.arn}}}};
  if (session.packed_policy_size) out["PackedPolicySize"] = *session.packed_policy_size;
  return out;
}

std::string iso_time(double seconds) {
  auto t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%a %b %d %H:%M:%S UTC %Y", &tm);
  return text;
}

std::string sha1_base64(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha1(), nullptr);
  return base64_encode(std::string_view(reinterpret_cast<const char*>(digest), length));
}

}  // namespace

Json Sts::AssumeRole(const Json& input, const RequestContext& ctx) {
  Violations v;
  check_string(v, input, "ExternalId", "externalId", 2, 1224, Charset::external_id);
  check_string(v, input, "SerialNumber", "serialNumber", 9, 256, Charset::serial);
  check_string(v, input, "TokenCode", "tokenCode", 6, 6, Charset::digits);
  check_string(v, input, "SourceIdentity", "sourceIdentity", 2, 64, Charset::word);
  auto session = check_role_session(v, input, true);
  if (input.contains("TokenCode") != input.contains("SerialNumber"))
    throw validation_error("SerialNumber and TokenCode must be given together for an MFA-protected role.");

  auto caller = caller_credentials(store_, ctx);
  if (caller && caller->kind == CredentialKind::assumed_role && session.duration > kChainedMaxDuration)
    throw validation_error(
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");

  Json out = assume(store_, session, ctx.now);
  if (input.contains("SourceIdentity")) out["SourceIdentity"] = input["SourceIdentity"];
  return out;
}

Json Sts::AssumeRoleWithWebIdentity(const Json& input, const RequestContext& ctx) {
  Violations v;
  v.require(input, "WebIdentityToken", "webIdentityToken");
  check_string(v, input, "WebIdentityToken", "webIdentityToken", 4, 20000);
  check_string(v, input, "ProviderId", "providerId", 4, 2048);
  auto session = check_role_session(v, input, true);

  Json claims = jwt_claims(input.value("WebIdentityToken", ""));
  for (const char* claim : {"iss", "sub", "aud"})
    if (!claims.contains(claim))
      throw invalid_identity_token(std::string("The ID Token is missing the required '") + claim + "' claim.");
  if (auto exp = claims.find("exp"); exp != claims.end() && exp->is_number() && exp->get<double>() <= ctx.now)
    throw AwsError("ExpiredTokenException",
                   "Token expired: current date/time " + iso_time(ctx.now) +
                       " must be before the expiration date/time " + iso_time(exp->get<double>()),
                   400);
  auto text_of = [](const Json& claim) { return claim.is_string() ? claim.get<std::string>() : claim.dump(); };
  const Json& aud = claims["aud"];
  std::string audience = aud.is_array() && !aud.empty() ? text_of(aud[0]) : text_of(aud);

  Json out = assume(store_, session, ctx.now);
  out["SubjectFromWebIdentityToken"] = text_of(claims["sub"]);
  out["Audience"] = audience;
  out["Provider"] = input.contains("ProviderId") ? input["ProviderId"].get<std::string>() : text_of(claims["iss"]);
  return out;
}

Json Sts::AssumeRoleWithSAML(const Json& input, const RequestContext& ctx) {
  Violations v;
  v.require(input, "PrincipalArn", "principalArn");
  check_string(v, input, "PrincipalArn", "principalArn", 20, 2048);
  v.require(input, "SAMLAssertion", "SAMLAssertion");
  check_string(v, input, "SAMLAssertion", "SAMLAssertion", 4, 100000);
  auto session = check_role_session(v, input, false);

  // arn:aws:iam::ACCOUNT:saml-provider/NAME
  const std::string principal = input.value("PrincipalArn", "");
  auto marker = principal.find(":saml-provider/");
  if (principal.rfind("arn:", 0) != 0 || principal.find(":iam::") == std::string::npos ||
      marker == std::string::npos)
    throw validation_error("Invalid PrincipalArn '" + principal +
                           "': expected a SAML provider ARN such as arn:aws:iam::123456789012:saml-provider/NAME");
  const std::string provider_name = principal.substr(marker + 15);

  auto assertion = parse_saml_assertion(input.value("SAMLAssertion", ""));
  Violations name_check;
  check_string(name_check, Json{{"n", assertion.role_session_name}}, "n", "roleSessionName", 2, 64, Charset::word);
  try {
    name_check.throw_if_any();
  } catch (const AwsError& e) {
    throw invalid_identity_token("The RoleSessionName attribute of the SAML assertion is invalid: " + e.message());
  }
  session.session_name = assertion.role_session_name;
  if (!input.contains("DurationSeconds") && assertion.session_duration)
    session.duration = std::clamp(*assertion.session_duration, kRoleMinDuration, kRoleMaxDuration);

  Json out = assume(store_, session, ctx.now);
  out["Subject"] = assertion.subject;
  const auto& format = assertion.subject_format;
  if (format.ends_with(":persistent"))
    out["SubjectType"] = "persistent";
  else if (format.ends_with(":transient"))
    out["SubjectType"] = "transient";
  else if (!format.empty())
    out["SubjectType"] = format;
  out["Issuer"] = assertion.issuer;
  if (!assertion.audience.empty()) out["Audience"] = assertion.audience;
  out["NameQualifier"] = sha1_base64(assertion.issuer + session.role.account + "/" + provider_name);
  return out;
}

}  // namespace understudy::sts
