#pragma once
// What AssumeRoleWithSAML needs from a SAML response: issuer, subject, audience and the
// AWS attributes. Signatures are not checked: the emulator holds no IdP certificates.
#include <optional>
#include <string>

namespace understudy::sts {

struct SamlAssertion {
  std::string issuer;
  std::string subject;
  std::string subject_format;  // NameID's Format attribute
  std::string audience;
  std::string role_session_name;              // https://aws.amazon.com/SAML/Attributes/RoleSessionName
  std::optional<long long> session_duration;  // https://aws.amazon.com/SAML/Attributes/SessionDuration
};

// `encoded` is the base64 SAMLResponse; throws InvalidIdentityToken when it is not one.
SamlAssertion parse_saml_assertion(const std::string& encoded);

}  // namespace understudy::sts
