#include "emulator/auth/sigv4.hpp"

#include <openssl/crypto.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <ctime>

#include "emulator/auth/canonical_request.hpp"
#include "emulator/auth/digest.hpp"
#include "emulator/auth/signature_parts.hpp"
#include "emulator/core/aws_error.hpp"
#include "emulator/protocol/url.hpp"

namespace understudy::auth {
namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
constexpr double kMaxPresignedExpiry = 7 * 24 * 3600;

AwsError incomplete_signature(std::string message) {
  return AwsError("IncompleteSignature", std::move(message), 400);
}

AwsError signature_does_not_match() {
  return AwsError("SignatureDoesNotMatch",
                  "The request signature we calculated does not match the signature you provided. Check your AWS "
                  "Secret Access Key and signing method. Consult the service documentation for details.",
                  403);
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

// YYYYMMDDTHHMMSSZ to seconds since the epoch.
std::optional<double> parse_amz_date(const std::string& text) {
  if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return std::nullopt;
  if (!all_digits(std::string_view(text).substr(0, 8)) || !all_digits(std::string_view(text).substr(9, 6)))
    return std::nullopt;
  std::tm tm{};
  tm.tm_year = std::stoi(text.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(text.substr(4, 2)) - 1;
  tm.tm_mday = std::stoi(text.substr(6, 2));
  tm.tm_hour = std::stoi(text.substr(9, 2));
  tm.tm_min = std::stoi(text.substr(11, 2));
  tm.tm_sec = std::stoi(text.substr(13, 2));
  if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
    return std::nullopt;
  return static_cast<double>(timegm(&tm));
}

std::string format_amz_date(double seconds) {
  auto t = static_cast<std::time_t>(std::floor(seconds));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[20];
  std::strftime(out, sizeof out, "%Y%m%dT%H%M%SZ", &tm);
  return out;
}

std::string minutes_text(double seconds) {
  auto minutes = static_cast<long>(std::lround(seconds / 60));
  return std::to_string(minutes) + " min.";
}

// AWS lists everything the Authorization header lacks in one message.
void check_header_complete(const SignatureParts& parts) {
  if (parts.algorithm != kAlgorithm && parts.algorithm.rfind("AWS4-", 0) == 0)
    throw incomplete_signature("Unsupported AWS 'algorithm': '" + parts.algorithm + "'");
  std::string missing;
  if (parts.algorithm != kAlgorithm || !parts.has_credential)
    missing += "Authorization header requires 'Credential' parameter. ";
  if (parts.algorithm != kAlgorithm || parts.signature.empty())
    missing += "Authorization header requires 'Signature' parameter. ";
  if (parts.algorithm != kAlgorithm || !parts.has_signed_headers)
    missing += "Authorization header requires 'SignedHeaders' parameter. ";
  if (parts.amz_date.empty())
    missing += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
  if (!missing.empty()) throw incomplete_signature(missing + "Authorization=" + parts.raw);
}

void check_query_complete(const SignatureParts& parts) {
  auto require = [](bool present, std::string_view name) {
    if (!present)
      throw incomplete_signature("AWS query-string parameters must include '" + std::string(name) +
                                 "'. Re-examine the query-string parameters.");
  };
  require(!parts.algorithm.empty(), "X-Amz-Algorithm");
  if (parts.algorithm != kAlgorithm)
    throw incomplete_signature("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
  require(parts.has_credential, "X-Amz-Credential");
  require(!parts.signature.empty(), "X-Amz-Signature");
  require(parts.has_signed_headers, "X-Amz-SignedHeaders");
  require(!parts.amz_date.empty(), "X-Amz-Date");
  require(!parts.expires.empty(), "X-Amz-Expires");
}

void check_scope(const SignatureParts& parts) {
  const auto& scope = parts.scope;
  if (scope.terminator.empty())
    throw incomplete_signature("Credential '" + parts.credential_text +
                               "' must be ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request.");
  if (scope.terminator != "aws4_request")
    throw incomplete_signature("Credential should be scoped with a valid terminator: 'aws4_request', not '" +
                               scope.terminator + "'.");
}

void check_time(const SignatureParts& parts, double signed_at, const VerifyOptions& options, double now) {
  const std::string now_text = format_amz_date(now);
  if (signed_at > now + options.max_skew_seconds)
    throw AwsError("RequestTimeTooSkewed",
                   "Signature not yet current: " + parts.amz_date + " is still later than " +
                       format_amz_date(now + options.max_skew_seconds) + " (" + now_text + " + " +
                       minutes_text(options.max_skew_seconds) + ")",
                   403);
  if (parts.source == SignatureParts::Source::Query) {
    long expires = 0;
    auto [end, ec] = std::from_chars(parts.expires.data(), parts.expires.data() + parts.expires.size(), expires);
    if (ec != std::errc() || end != parts.expires.data() + parts.expires.size() || expires < 1 ||
        expires > kMaxPresignedExpiry)
      throw incomplete_signature("X-Amz-Expires must be a whole number of seconds between 1 and 604800, not '" +
                                 parts.expires + "'");
    if (signed_at + static_cast<double>(expires) < now) throw AwsError("AccessDenied", "Request has expired", 403);
    return;
  }
  if (signed_at < now - options.max_skew_seconds)
    throw AwsError("RequestTimeTooSkewed",
                   "Signature expired: " + parts.amz_date + " is now earlier than " +
                       format_amz_date(now - options.max_skew_seconds) + " (" + now_text + " - " +
                       minutes_text(options.max_skew_seconds) + ")",
                   403);
}

std::string query_parameter(const protocol::HttpRequest& request, std::string_view name) {
  for (const auto& [key, value] : protocol::parse_form(request.query()))
    if (key == name) return value;
  return {};
}

bool is_hex_sha256(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::string account_of_access_key(const std::string& access_key_id) {
  if (access_key_id.size() == 12 && all_digits(access_key_id)) return access_key_id;
  return "000000000000";
}

Identity identify(const protocol::HttpRequest& request) {
  Identity identity;
  auto parts = read_signature_parts(request);
  if (parts.source == SignatureParts::Source::None || parts.scope.access_key_id.empty()) return identity;
  identity.access_key_id = parts.scope.access_key_id;
  identity.account = account_of_access_key(identity.access_key_id);
  identity.region = parts.scope.region;
  identity.service = parts.scope.service;
  return identity;
}

void verify(const protocol::HttpRequest& request, const VerifyOptions& options, double now) {
  auto parts = read_signature_parts(request);
  const bool presigned = parts.source == SignatureParts::Source::Query;
  if (parts.source == SignatureParts::Source::None)
    throw AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
  if (presigned)
    check_query_complete(parts);
  else
    check_header_complete(parts);
  check_scope(parts);

  auto secret = options.secret_keys.find(parts.scope.access_key_id);
  if (secret == options.secret_keys.end())
    throw AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);

  auto signed_at = parse_amz_date(parts.amz_date);
  if (!signed_at)
    throw incomplete_signature("X-Amz-Date must be in the ISO 8601 basic format YYYYMMDD'T'HHMMSS'Z', not '" +
                               parts.amz_date + "'");
  if (parts.scope.date != parts.amz_date.substr(0, 8))
    throw AwsError("SignatureDoesNotMatch",
                   "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '" +
                       parts.scope.date + "' != '" + parts.amz_date.substr(0, 8) + "', from '" + parts.amz_date +
                       "'.",
                   403);
  check_time(parts, *signed_at, options, now);

  // The signer says which payload hash it used: the x-amz-content-sha256 header (or its
  // presigned twin); without it, the SHA-256 of the body (S3 presigned URLs sign none).
  std::string declared_hash(presigned ? query_parameter(request, "X-Amz-Content-Sha256")
                                      : std::string(request.header("x-amz-content-sha256")));
  std::string payload_hash = declared_hash;
  if (payload_hash.empty())
    payload_hash = presigned && parts.scope.service == "s3" ? "UNSIGNED-PAYLOAD" : sha256_hex(request.body);

  CanonicalInput input{parts.signed_headers, payload_hash, presigned ? "X-Amz-Signature" : ""};
  const auto canonical = canonical_request(request, input);
  const std::string scope =
      parts.scope.date + "/" + parts.scope.region + "/" + parts.scope.service + "/" + parts.scope.terminator;
  const auto to_sign = string_to_sign(parts.amz_date, scope, canonical);
  const auto key = signing_key(secret->second, parts.scope.date, parts.scope.region, parts.scope.service);
  const auto expected = to_hex(hmac_sha256(key, to_sign));
  if (expected.size() != parts.signature.size() ||
      CRYPTO_memcmp(expected.data(), parts.signature.data(), expected.size()) != 0)
    throw signature_does_not_match();

  // A declared hash is signed, but the body it claims to describe is not: check it.
  if (is_hex_sha256(declared_hash)) {
    std::string lower_declared = declared_hash;
    for (auto& c : lower_declared) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower_declared != sha256_hex(request.body))
      throw AwsError("XAmzContentSHA256Mismatch",
                     "The provided 'x-amz-content-sha256' header does not match what was computed.", 400);
  }
}

}  // namespace understudy::auth
