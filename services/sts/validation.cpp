#include "services/sts/validation.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace understudy::sts {
namespace {

constexpr std::size_t kMaxPolicyLength = 2048;

bool is_word(char32_t c) { return c < 128 && (std::isalnum(static_cast<int>(c)) || c == '_'); }

bool allowed(char32_t c, Charset charset) {
  auto in = [c](std::u32string_view extra) { return extra.find(c) != std::u32string_view::npos; };
  switch (charset) {
    case Charset::any:
      return true;
    case Charset::word:
      return is_word(c) || in(U"+=,.@-");
    case Charset::external_id:
      return is_word(c) || in(U"+=,.@:/-");
    case Charset::serial:
      return is_word(c) || in(U"+=/:,.@-");
    case Charset::digits:
      return c >= '0' && c <= '9';
    case Charset::key_id:
      return is_word(c);
    case Charset::policy:
      return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF);
  }
  return false;
}

// UTF-8 to code points; a broken sequence becomes U+FFFD, which no strict charset allows.
std::u32string code_points(const std::string& text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + extra >= text.size()) {
      out += U'\uFFFD';
      ++i;
      continue;
    }
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    bool ok = true;
    for (int k = 1; k <= extra; ++k) {
      auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc >> 6) != 2) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    out += ok ? cp : U'\uFFFD';
    i += ok ? extra + 1 : 1;
  }
  return out;
}

std::string pattern_of(Charset charset) {
  switch (charset) {
    case Charset::word:
      return "[\\w+=,.@-]*";
    case Charset::external_id:
      return "[\\w+=,.@:\\/-]*";
    case Charset::serial:
      return "[\\w+=/:,.@-]*";
    case Charset::digits:
      return "[\\d]*";
    case Charset::key_id:
      return "[\\w]*";
    case Charset::policy:
      return "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    case Charset::any:
      break;
  }
  return "";
}

void check_value(Violations& v, const std::string& value, const std::string& member, std::size_t min, std::size_t max,
                 Charset charset) {
  auto cps = code_points(value);
  if (cps.size() < min) v.add(value, member, "Member must have length greater than or equal to " + std::to_string(min));
  if (cps.size() > max) v.add(value, member, "Member must have length less than or equal to " + std::to_string(max));
  if (!std::all_of(cps.begin(), cps.end(), [charset](char32_t c) { return allowed(c, charset); }))
    v.add(value, member, "Member must satisfy regular expression pattern: " + pattern_of(charset));
}

bool is_tag_char(char32_t c) {
  // [\p{L}\p{Z}\p{N}_.:/=+\-@]: letters, spaces and digits of any script are allowed;
  // of ASCII only these punctuation marks.
  if (c >= 128) return true;
  return std::isalnum(static_cast<int>(c)) || c == ' ' ||
         std::u32string_view(U"_.:/=+-@").find(c) != std::u32string_view::npos;
}

void check_tags(Violations& v, const Json& tags) {
  if (!tags.is_array()) return;
  if (tags.size() > 50) v.add("[...]", "tags", "Member must have length less than or equal to 50");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const auto& tag = tags[i];
    const std::string prefix = "tags." + std::to_string(i + 1) + ".member.";
    std::string key = tag.value("Key", "");
    std::string value = tag.value("Value", "");
    auto key_cps = code_points(key);
    auto value_cps = code_points(value);
    if (key_cps.empty()) v.add(key, prefix + "key", "Member must have length greater than or equal to 1");
    if (key_cps.size() > 128) v.add(key, prefix + "key", "Member must have length less than or equal to 128");
    if (!std::all_of(key_cps.begin(), key_cps.end(), is_tag_char))
      v.add(key, prefix + "key", "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    if (value_cps.size() > 256) v.add(value, prefix + "value", "Member must have length less than or equal to 256");
    if (!std::all_of(value_cps.begin(), value_cps.end(), is_tag_char))
      v.add(value, prefix + "value", "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    std::string lower = key;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!seen.insert(lower).second)
      throw validation_error("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
  }
}

}  // namespace

void check_string(Violations& v, const Json& input, const std::string& name, const std::string& member, std::size_t min,
                  std::size_t max, Charset charset) {
  auto it = input.find(name);
  if (it == input.end() || !it->is_string()) return;
  check_value(v, it->get<std::string>(), member, min, max, charset);
}

long long duration_seconds(Violations& v, const Json& input, long long min, long long max, long long fallback) {
  auto it = input.find("DurationSeconds");
  if (it == input.end() || !it->is_number()) return fallback;
  auto value = it->get<long long>();
  if (value < min)
    v.add_number(value, "durationSeconds", "Member must have value greater than or equal to " + std::to_string(min));
  if (value > max)
    v.add_number(value, "durationSeconds", "Member must have value less than or equal to " + std::to_string(max));
  return value;
}

RoleArn parse_role_arn(const std::string& text) {
  auto invalid = [&text]() {
    return validation_error("Invalid RoleArn '" + text +
                            "': expected an IAM role ARN such as arn:aws:iam::123456789012:role/NAME");
  };
  // arn:PARTITION:iam::ACCOUNT:role/PATH/NAME
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    auto colon = text.find(':', start);
    if (colon == std::string::npos) throw invalid();
    fields.push_back(text.substr(start, colon - start));
    start = colon + 1;
  }
  std::string resource = text.substr(start);
  if (fields[0] != "arn" || fields[1].rfind("aws", 0) != 0 || fields[2] != "iam" || !fields[3].empty()) throw invalid();
  const std::string& account = fields[4];
  if (account.size() != 12 || !std::all_of(account.begin(), account.end(), ::isdigit)) throw invalid();
  if (resource.rfind("role/", 0) != 0) throw invalid();
  std::string path_and_name = resource.substr(5);
  auto slash = path_and_name.rfind('/');
  std::string name = slash == std::string::npos ? path_and_name : path_and_name.substr(slash + 1);
  auto name_cps = code_points(name);
  if (name_cps.empty() || name_cps.size() > 64 ||
      !std::all_of(name_cps.begin(), name_cps.end(), [](char32_t c) { return allowed(c, Charset::word); }))
    throw invalid();
  auto path_cps = code_points(path_and_name);
  if (!std::all_of(path_cps.begin(), path_cps.end(), [](char32_t c) { return c > 0x20 && c < 0x7F; })) throw invalid();
  return RoleArn{text, fields[1], account, name};
}

std::optional<int> check_session_policies(Violations& v, const Json& input) {
  std::size_t packed = 0;
  bool any = false;
  if (auto it = input.find("PolicyArns"); it != input.end() && it->is_array()) {
    any = true;
    if (it->size() > 10) v.add("[...]", "policyArns", "Member must have length less than or equal to 10");
    for (std::size_t i = 0; i < it->size(); ++i) {
      std::string arn = (*it)[i].value("arn", "");
      check_value(v, arn, "policyArns." + std::to_string(i + 1) + ".member.arn", 20, 2048, Charset::any);
      packed += arn.size();
    }
  }
  if (auto it = input.find("Tags"); it != input.end() && it->is_array()) {
    any = true;
    check_tags(v, *it);
    for (const auto& tag : *it) packed += tag.value("Key", "").size() + tag.value("Value", "").size();
  }
  if (auto it = input.find("TransitiveTagKeys"); it != input.end() && it->is_array() && it->size() > 50)
    v.add("[...]", "transitiveTagKeys", "Member must have length less than or equal to 50");
  check_string(v, input, "Policy", "policy", 1, kMaxPolicyLength, Charset::policy);
  v.throw_if_any();

  if (auto it = input.find("Policy"); it != input.end() && it->is_string()) {
    any = true;
    Json policy = Json::parse(it->get<std::string>(), nullptr, false);
    if (policy.is_discarded()) throw malformed_policy("The policy is not in the valid JSON format.");
    if (!policy.is_object() || !policy.contains("Statement")) throw malformed_policy("Syntax errors in policy.");
    packed += policy.dump().size();
  }
  if (!any) return std::nullopt;
  // AWS compresses policies and tags into a binary form whose size is reported as a
  // percentage of its limit; we measure the minified text against the plaintext limit.
  auto percent = static_cast<int>((packed * 100 + kMaxPolicyLength - 1) / kMaxPolicyLength);
  if (percent > 100)
    throw AwsError(
        "PackedPolicyTooLarge",
        "Packed policy consumes " + std::to_string(percent) + "% of allotted space, please use smaller policy.", 400);
  return percent;
}

}  // namespace understudy::sts
