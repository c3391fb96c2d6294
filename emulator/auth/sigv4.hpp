#pragma once
// SigV4: who signed a request and for which region and service, from the Authorization
// header or a presigned query string; and, in strict mode, whether the signature is right.
#include <map>
#include <optional>
#include <string>

#include "emulator/protocol/http_message.hpp"

namespace understudy::auth {

struct Identity {
  std::string access_key_id;        // empty when the request is unsigned
  std::string account = "000000000000";
  std::string region;               // empty when the request is unsigned
  std::string service;              // the credential scope's service ("secretsmanager")
};

// Account of an access key id: a 12-digit key id is that account; any other is
// 000000000000.
std::string account_of_access_key(const std::string& access_key_id);

// Reads the credential scope. Never throws; an unsigned or garbled request gives an
// Identity with empty region and service.
Identity identify(const protocol::HttpRequest& request);

struct VerifyOptions {
  std::map<std::string, std::string> secret_keys;  // access key id -> secret access key
  double max_skew_seconds = 15 * 60;
};

// Strict mode: throws AwsError SignatureDoesNotMatch / InvalidClientTokenId /
// IncompleteSignature / MissingAuthenticationToken / RequestTimeTooSkewed as AWS does.
// `now` is wall time, seconds since the epoch.
void verify(const protocol::HttpRequest& request, const VerifyOptions& options, double now);

}  // namespace understudy::auth
