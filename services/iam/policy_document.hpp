#pragma once
// Policy documents as IAM takes and gives them: checked as JSON policy grammar on the
// way in (MalformedPolicyDocument), kept as the caller wrote them, and handed back
// URL-encoded, which is how IAM's API returns every policy document.
#include <string>

namespace understudy::iam {

enum class PolicyKind {
  Identity,  // managed and inline policies: no Principal, Resource required
  Trust,     // a role's assume-role policy: Principal required, no Resource
};

// Throws MalformedPolicyDocument (or LimitExceeded past IAM's size quota).
void validate_policy_document(const std::string& document, PolicyKind kind, std::size_t max_size);

// Percent-encodes everything but RFC 3986's unreserved characters: what botocore's
// unquote and Go's url.QueryUnescape both read back exactly.
std::string url_encode(const std::string& text);

}  // namespace understudy::iam
