#pragma once
// Resource-based policies on secrets: the checks PutResourcePolicy and
// ValidateResourcePolicy make (IAM policy grammar, and whether a policy opens the secret
// to everyone, which BlockPublicPolicy refuses).
#include <string>

#include "emulator/core/json.hpp"

namespace understudy::secretsmanager {

// ValidationErrors check names.
inline constexpr const char* kSyntaxCheck = "SYNTAX_CHECKING";
inline constexpr const char* kPublicAccessCheck = "PUBLIC_ACCESS_CHECKING";

// The policy document, or MalformedPolicyDocumentException when `text` is not JSON.
Json parse_policy(const std::string& text);
// The grammar problems of a parsed policy, as ValidationErrors entries
// [{"CheckName", "ErrorMessage"}]; empty when it is well-formed.
Json policy_grammar_errors(const Json& policy);
// An Allow statement whose principal is everyone ("*") and that no Condition narrows.
bool grants_public_access(const Json& policy);

}  // namespace understudy::secretsmanager
