#pragma once
// SigV4's canonical request and string to sign, computed from the request as it arrived.
#include <string>
#include <string_view>
#include <vector>

#include "emulator/protocol/http_message.hpp"

namespace understudy::auth {

// The path as sent, with dot segments and empty segments removed, encoded once more
// (every service but S3 signs the already-encoded path encoded again).
std::string canonical_uri(std::string_view raw_path);

// Query parameters decoded, encoded again, sorted by name then value; `skip` (the
// presigned X-Amz-Signature) left out.
std::string canonical_query_string(std::string_view raw_query, std::string_view skip = {});

// "name:value\n" for each signed header: values trimmed, inner runs of spaces collapsed,
// repeated headers joined by ','. `names` must be lower case.
std::string canonical_headers(const protocol::HttpRequest& request, const std::vector<std::string>& names);

struct CanonicalInput {
  std::vector<std::string> signed_headers;  // lower case, as the signer listed them
  std::string payload_hash;                 // hex SHA-256, or UNSIGNED-PAYLOAD, ...
  std::string_view skip_query_parameter;    // "X-Amz-Signature" for presigned requests
};

std::string canonical_request(const protocol::HttpRequest& request, const CanonicalInput& input);

std::string string_to_sign(std::string_view amz_date, std::string_view scope, std::string_view canonical_request);

// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")
std::string signing_key(std::string_view secret, std::string_view date, std::string_view region,
                        std::string_view service);

}  // namespace understudy::auth
