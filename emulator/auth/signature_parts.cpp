#include "emulator/auth/signature_parts.hpp"

#include <cctype>
#include <ctime>

#include "emulator/protocol/url.hpp"

namespace understudy::auth {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> split_signed_headers(std::string_view text) {
  std::vector<std::string> names;
  while (!text.empty()) {
    auto semi = text.find(';');
    auto name = trim(text.substr(0, semi));
    if (!name.empty()) names.push_back(lower(name));
    if (semi == std::string_view::npos) break;
    text.remove_prefix(semi + 1);
  }
  return names;
}

// RFC 1123 "Date" header into SigV4's basic ISO 8601 form; empty when it does not parse.
std::string iso_from_http_date(std::string_view http_date) {
  std::tm tm{};
  std::string text(http_date);
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S", &tm);
  if (!end) return {};
  char out[20];
  std::strftime(out, sizeof out, "%Y%m%dT%H%M%SZ", &tm);
  return out;
}

void read_header(std::string_view header, SignatureParts& parts) {
  parts.source = SignatureParts::Source::Header;
  parts.raw = std::string(header);
  auto space = header.find(' ');
  parts.algorithm = std::string(header.substr(0, space));
  std::string_view rest = space == std::string_view::npos ? std::string_view{} : header.substr(space + 1);
  // Components are "Name=value" separated by commas; values never hold commas.
  while (!rest.empty()) {
    auto comma = rest.find(',');
    auto component = trim(rest.substr(0, comma));
    auto eq = component.find('=');
    if (eq != std::string_view::npos) {
      auto name = trim(component.substr(0, eq));
      auto value = trim(component.substr(eq + 1));
      if (name == "Credential") {
        parts.has_credential = true;
        parts.credential_text = std::string(value);
      } else if (name == "SignedHeaders") {
        parts.has_signed_headers = true;
        parts.signed_headers = split_signed_headers(value);
      } else if (name == "Signature") {
        parts.signature = std::string(value);
      }
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
}

}  // namespace

bool parse_credential_scope(const std::string& text, CredentialScope& out) {
  // The key id comes first and the four scope parts after it; split from the right so
  // that nothing in the key id can shift them.
  std::string parts[5];
  std::size_t end = text.size();
  for (int i = 4; i >= 1; --i) {
    auto slash = text.rfind('/', end == 0 ? 0 : end - 1);
    if (slash == std::string::npos || end == 0) return false;
    parts[i] = text.substr(slash + 1, end - slash - 1);
    end = slash;
  }
  parts[0] = text.substr(0, end);
  for (const auto& p : parts)
    if (p.empty()) return false;
  out = {parts[0], parts[1], parts[2], parts[3], parts[4]};
  return true;
}

SignatureParts read_signature_parts(const protocol::HttpRequest& request) {
  SignatureParts parts;
  if (auto header = trim(request.header("authorization")); !header.empty()) {
    read_header(header, parts);
    parts.amz_date = std::string(trim(request.header("x-amz-date")));
    if (parts.amz_date.empty()) {
      if (auto date = trim(request.header("date")); !date.empty()) parts.amz_date = iso_from_http_date(date);
    }
  } else {
    bool presigned = false;
    for (const auto& [name, value] : protocol::parse_form(request.query())) {
      if (name == "X-Amz-Algorithm") {
        parts.algorithm = value;
      } else if (name == "X-Amz-Credential") {
        parts.has_credential = true;
        parts.credential_text = value;
      } else if (name == "X-Amz-SignedHeaders") {
        parts.has_signed_headers = true;
        parts.signed_headers = split_signed_headers(value);
      } else if (name == "X-Amz-Signature") {
        parts.signature = value;
      } else if (name == "X-Amz-Date") {
        parts.amz_date = value;
      } else if (name == "X-Amz-Expires") {
        parts.expires = value;
      } else {
        continue;
      }
      presigned = true;
    }
    if (!presigned) return parts;
    parts.source = SignatureParts::Source::Query;
  }
  if (parts.has_credential && !parse_credential_scope(parts.credential_text, parts.scope)) {
    // Keep what can be read (the key id) so that the account is still known.
    auto slash = parts.credential_text.find('/');
    parts.scope = {};
    parts.scope.access_key_id = parts.credential_text.substr(0, slash);
  }
  return parts;
}

}  // namespace understudy::auth
