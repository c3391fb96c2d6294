#include "services/kms/key_policy.hpp"

#include "emulator/core/json.hpp"
#include "services/kms/errors.hpp"

namespace understudy::kms {

namespace {
// AWS answers policies pretty-printed with " : " between a name and its value.
std::string aws_style(const Json& doc) {
  std::string text = doc.dump(2);
  std::string out;
  out.reserve(text.size() + 64);
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' && (i == 0 || text[i - 1] != '\\')) in_string = !in_string;
    if (!in_string && c == ':') {
      out += " :";
      continue;
    }
    out += c;
  }
  return out;
}
}  // namespace

std::string default_key_policy(const std::string& account) {
  Json doc = {{"Version", "2012-10-17"},
              {"Id", "key-default-1"},
              {"Statement", Json::array({{{"Sid", "Enable IAM User Permissions"},
                                          {"Effect", "Allow"},
                                          {"Principal", {{"AWS", "arn:aws:iam::" + account + ":root"}}},
                                          {"Action", "kms:*"},
                                          {"Resource", "*"}}})}};
  return aws_style(doc);
}

std::string aws_managed_key_policy(const std::string& account, const std::string& service) {
  Json doc = {
      {"Version", "2012-10-17"},
      {"Id", "auto-" + service + "-2"},
      {"Statement",
       Json::array(
           {{{"Sid", "Allow access through " + service +
                         " for all principals in the account that are "
                         "authorized to use " +
                         service},
             {"Effect", "Allow"},
             {"Principal", {{"AWS", "*"}}},
             {"Action", Json::array({"kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                     "kms:CreateGrant", "kms:DescribeKey"})},
             {"Resource", "*"},
             {"Condition",
              {{"StringEquals", {{"kms:CallerAccount", account}, {"kms:ViaService", service + ".amazonaws.com"}}}}}},
            {{"Sid", "Allow direct access to key metadata to the account"},
             {"Effect", "Allow"},
             {"Principal", {{"AWS", "arn:aws:iam::" + account + ":root"}}},
             {"Action", Json::array({"kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"})},
             {"Resource", "*"}}})}};
  return aws_style(doc);
}

void validate_key_policy(const std::string& policy) {
  const Json doc = Json::parse(policy, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) throw malformed_policy("The policy is not a valid JSON document.");
  if (!doc.contains("Statement")) throw malformed_policy("Policy document must contain a Statement.");
  const Json& statements = doc["Statement"];
  const Json list = statements.is_array() ? statements : Json::array({statements});
  if (list.empty()) throw malformed_policy("Policy document must contain at least one Statement.");
  for (const Json& s : list) {
    if (!s.is_object()) throw malformed_policy("Each Statement must be a JSON object.");
    const std::string effect = s.contains("Effect") && s["Effect"].is_string() ? s["Effect"].get<std::string>() : "";
    if (effect != "Allow" && effect != "Deny")
      throw malformed_policy("Each Statement must have an Effect of Allow or Deny.");
    if (!s.contains("Action") && !s.contains("NotAction"))
      throw malformed_policy("Each Statement must have an Action.");
  }
}

}  // namespace understudy::kms
