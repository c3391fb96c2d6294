#pragma once
// What a SigV4-signed request claims about itself, read from the Authorization header
// or from the X-Amz-* parameters of a presigned URL, before anything is checked.
#include <string>
#include <vector>

#include "emulator/protocol/http_message.hpp"

namespace understudy::auth {

struct CredentialScope {
  std::string access_key_id;
  std::string date;  // YYYYMMDD
  std::string region;
  std::string service;
  std::string terminator;  // "aws4_request"
};

// "AKID/20261123/us-east-1/sts/aws4_request"; false unless it has all five parts.
bool parse_credential_scope(const std::string& text, CredentialScope& out);

struct SignatureParts {
  enum class Source { None, Header, Query };
  Source source = Source::None;
  std::string algorithm;
  bool has_credential = false;
  CredentialScope scope;
  std::string credential_text;  // as sent, for messages
  bool has_signed_headers = false;
  std::vector<std::string> signed_headers;  // lower case, in the order sent
  std::string signature;
  std::string amz_date;  // YYYYMMDDTHHMMSSZ, from X-Amz-Date (or Date, converted)
  std::string expires;   // presigned only: X-Amz-Expires as sent
  std::string raw;       // the Authorization header as sent
};

// Never throws; missing pieces stay empty.
SignatureParts read_signature_parts(const protocol::HttpRequest& request);

}  // namespace understudy::auth
