#include "services/secretsmanager/resource_policy.hpp"

#include "services/secretsmanager/errors.hpp"

namespace understudy::secretsmanager {
namespace {

bool is_string_or_strings(const Json& v) {
  if (v.is_string()) return true;
  if (!v.is_array() || v.empty()) return false;
  for (const auto& item : v)
    if (!item.is_string()) return false;
  return true;
}

bool is_everyone(const Json& principal) {
  if (principal.is_string()) return principal == "*";
  if (principal.is_object()) {
    auto aws = principal.find("AWS");
    if (aws == principal.end()) return false;
    if (aws->is_string()) return *aws == "*";
    if (aws->is_array())
      for (const auto& p : *aws)
        if (p == "*") return true;
  }
  return false;
}

Json statements_of(const Json& policy) {
  auto it = policy.find("Statement");
  if (it == policy.end()) return Json::array();
  return it->is_array() ? *it : Json::array({*it});
}

}  // namespace

Json parse_policy(const std::string& text) {
  Json policy = Json::parse(text, nullptr, false);
  if (policy.is_discarded()) throw malformed_policy("This resource policy contains a syntax error: it is not valid JSON.");
  return policy;
}

Json policy_grammar_errors(const Json& policy) {
  Json errors = Json::array();
  auto error = [&](std::string message) {
    errors.push_back({{"CheckName", kSyntaxCheck}, {"ErrorMessage", std::move(message)}});
  };
  if (!policy.is_object()) {
    error("The policy document must be a JSON object.");
    return errors;
  }
  if (auto v = policy.find("Version"); v != policy.end() && *v != "2012-10-17" && *v != "2008-10-17")
    error("The policy Version must be 2012-10-17 or 2008-10-17.");
  auto st = policy.find("Statement");
  if (st == policy.end() || !(st->is_object() || (st->is_array() && !st->empty()))) {
    error("The policy must contain a Statement.");
    return errors;
  }
  for (const auto& s : statements_of(policy)) {
    if (!s.is_object()) {
      error("Each Statement must be a JSON object.");
      continue;
    }
    auto effect = s.find("Effect");
    if (effect == s.end() || (*effect != "Allow" && *effect != "Deny"))
      error("Each Statement must have an Effect of Allow or Deny.");
    const bool action = s.contains("Action"), not_action = s.contains("NotAction");
    if (action == not_action) error("Each Statement must have exactly one of Action or NotAction.");
    if (action && !is_string_or_strings(s["Action"])) error("Action must be a string or a list of strings.");
    if (not_action && !is_string_or_strings(s["NotAction"])) error("NotAction must be a string or a list of strings.");
    const bool principal = s.contains("Principal"), not_principal = s.contains("NotPrincipal");
    if (principal == not_principal)
      error("Each Statement of a resource policy must have exactly one of Principal or NotPrincipal.");
    if (principal && !s["Principal"].is_string() && !s["Principal"].is_object())
      error("Principal must be \"*\" or an object.");
    if (s.contains("Resource") && !is_string_or_strings(s["Resource"]))
      error("Resource must be a string or a list of strings.");
    if (s.contains("Condition") && !s["Condition"].is_object()) error("Condition must be an object.");
  }
  return errors;
}

bool grants_public_access(const Json& policy) {
  if (!policy.is_object()) return false;
  for (const auto& s : statements_of(policy)) {
    if (!s.is_object() || s.value("Effect", "") != "Allow" || s.contains("Condition")) continue;
    if (s.contains("NotPrincipal")) return true;  // everyone but a few is everyone
    if (auto p = s.find("Principal"); p != s.end() && is_everyone(*p)) return true;
  }
  return false;
}

}  // namespace understudy::secretsmanager
