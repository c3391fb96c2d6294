#pragma once
// STS's input constraints, from the service model's shapes (lengths, patterns, ranges),
// which the npm models we build from leave out.
#include <optional>
#include <string>

#include "emulator/core/json.hpp"
#include "services/sts/errors.hpp"

namespace understudy::sts {

enum class Charset {
  any,
  word,         // [\w+=,.@-]       session names, user names, source identity
  external_id,  // [\w+=,.@:\/-]
  serial,       // [\w+=/:,.@-]     MFA serial numbers
  digits,       // [\d]
  key_id,       // [\w]             access key ids
  policy,       // tab, LF, CR and U+0020-U+00FF
};

// Checks input[name] (if present) against min/max length (code points) and a charset;
// `member` is the lower-camel name AWS uses in messages ("roleSessionName").
void check_string(Violations& v, const Json& input, const std::string& name, const std::string& member,
                  std::size_t min, std::size_t max, Charset charset = Charset::any);

// DurationSeconds within [min, max], or `fallback` when absent.
long long duration_seconds(Violations& v, const Json& input, long long min, long long max, long long fallback);

struct RoleArn {
  std::string arn;
  std::string partition;
  std::string account;
  std::string name;  // the last path segment
};

// arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME; ValidationError otherwise.
RoleArn parse_role_arn(const std::string& text);

// Policy, PolicyArns and Tags of a session: validated (ValidationError,
// MalformedPolicyDocument, PackedPolicyTooLarge); returns PackedPolicySize when any was
// given.
std::optional<int> check_session_policies(Violations& v, const Json& input);

}  // namespace understudy::sts
