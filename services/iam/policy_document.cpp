#include "services/iam/policy_document.hpp"

#include <cctype>

#include "emulator/core/json.hpp"
#include "services/iam/errors.hpp"

namespace understudy::iam {
namespace {

constexpr const char* kSyntaxError = "Syntax errors in policy.";

bool is_string_or_strings(const Json& v) {
  if (v.is_string()) return true;
  if (!v.is_array() || v.empty()) return false;
  for (const Json& e : v)
    if (!e.is_string()) return false;
  return true;
}

void check_statement(const Json& statement, PolicyKind kind) {
  if (!statement.is_object()) throw malformed_policy(kSyntaxError);
  auto effect = statement.find("Effect");
  if (effect == statement.end()) throw malformed_policy("Missing required field Effect");
  if (!effect->is_string() || (*effect != "Allow" && *effect != "Deny"))
    throw malformed_policy("Invalid effect: " + (effect->is_string() ? effect->get<std::string>() : effect->dump()));
  bool has_action = statement.contains("Action") || statement.contains("NotAction");
  if (!has_action) throw malformed_policy("Policy statement must contain actions.");
  for (const char* field : {"Action", "NotAction", "Resource", "NotResource"})
    if (statement.contains(field) && !is_string_or_strings(statement[field])) throw malformed_policy(kSyntaxError);
  bool has_principal = statement.contains("Principal") || statement.contains("NotPrincipal");
  bool has_resource = statement.contains("Resource") || statement.contains("NotResource");
  if (kind == PolicyKind::Identity) {
    if (has_principal) throw malformed_policy("Policy document should not specify a principal.");
    if (!has_resource) throw malformed_policy("Policy statement must contain resources.");
  } else {
    if (has_resource) throw malformed_policy("Has prohibited field Resource");
    if (!has_principal) throw malformed_policy("Missing required field Principal");
    const Json& principal = statement.contains("Principal") ? statement["Principal"] : statement["NotPrincipal"];
    if (!(principal.is_object() || principal == "*")) throw malformed_policy(kSyntaxError);
  }
}

std::size_t non_whitespace_length(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if (!std::isspace(c)) ++n;
  return n;
}

}  // namespace

void validate_policy_document(const std::string& document, PolicyKind kind, std::size_t max_size) {
  Json policy = Json::parse(document, nullptr, false);
  if (policy.is_discarded() || !policy.is_object()) throw malformed_policy(kSyntaxError);
  if (auto version = policy.find("Version"); version != policy.end()) {
    if (!version->is_string()) throw malformed_policy(kSyntaxError);
    if (*version != "2012-10-17" && *version != "2008-10-17")
      throw malformed_policy("The policy failed legacy parsing");
  }
  auto statements = policy.find("Statement");
  if (statements == policy.end()) throw malformed_policy(kSyntaxError);
  if (statements->is_array()) {
    if (statements->empty()) throw malformed_policy(kSyntaxError);
    for (const Json& s : *statements) check_statement(s, kind);
  } else {
    check_statement(*statements, kind);
  }
  // IAM counts the quota without whitespace, so a pretty-printed document may be longer.
  if (non_whitespace_length(document) > max_size) {
    const char* quota = kind == PolicyKind::Trust ? "ACLSizePerRole" : "PolicySize";
    throw limit_exceeded("Cannot exceed quota for " + std::string(quota) + ": " + std::to_string(max_size));
  }
}

std::string url_encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

}  // namespace understudy::iam
