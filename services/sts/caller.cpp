// GetCallerIdentity, GetAccessKeyInfo, DecodeAuthorizationMessage.
#include <algorithm>

#include "emulator/core/base64.hpp"
#include "services/sts/credentials.hpp"
#include "services/sts/errors.hpp"
#include "services/sts/identity.hpp"
#include "services/sts/sts.hpp"
#include "services/sts/validation.hpp"

namespace understudy::sts {
namespace {

bool is_account_id(const std::string& text) {
  return text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Json Sts::GetCallerIdentity(const Json& input, const RequestContext& ctx) {
  auto identity = caller_identity(store_, ctx);
  return {{"UserId", identity.user_id}, {"Account", identity.account}, {"Arn", identity.arn}};
}

Json Sts::GetAccessKeyInfo(const Json& input, const RequestContext& ctx) {
  const std::string key = input.value("AccessKeyId", "");
  // A 12-digit key id is the emulator's way of naming an account, shorter than AWS's
  // 16-character minimum; it is answered before that check.
  if (is_account_id(key)) return {{"Account", key}};
  Violations v;
  v.require(input, "AccessKeyId", "accessKeyId");
  check_string(v, input, "AccessKeyId", "accessKeyId", 16, 128, Charset::key_id);
  v.throw_if_any();
  if (auto issued = find_issued_credentials(store_, key)) return {{"Account", issued->identity.account}};
  return {{"Account", "000000000000"}};
}

Json Sts::DecodeAuthorizationMessage(const Json& input, const RequestContext& ctx) {
  Violations v;
  v.require(input, "EncodedMessage", "encodedMessage");
  check_string(v, input, "EncodedMessage", "encodedMessage", 1, 10240);
  v.throw_if_any();
  // AWS encrypts these messages with a key of its own. The emulator encodes the ones it
  // produces as base64 of the JSON document, so decoding is reading that back; anything
  // else cannot have come from us.
  auto decoded = base64_decode(input.value("EncodedMessage", ""));
  if (decoded) {
    Json document = Json::parse(*decoded, nullptr, false);
    if (!document.is_discarded() && document.is_object()) return {{"DecodedMessage", document.dump()}};
  }
  throw AwsError("InvalidAuthorizationMessageException", "The encoded authorization message is invalid.", 400);
}

}  // namespace understudy::sts
