#include "emulator/auth/canonical_request.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "emulator/auth/digest.hpp"
#include "emulator/protocol/url.hpp"

namespace understudy::auth {
namespace {

std::string trim_all(std::string_view value) {
  std::string out;
  bool pending_space = false;
  for (char c : value) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string canonical_uri(std::string_view raw_path) {
  std::vector<std::string_view> segments;
  std::string_view rest = raw_path;
  while (!rest.empty()) {
    auto slash = rest.find('/');
    auto segment = rest.substr(0, slash);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  std::string path = "/";
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (i) path += '/';
    path += segments[i];
  }
  if (!segments.empty() && raw_path.size() > 1 && raw_path.back() == '/') path += '/';
  return protocol::percent_encode(path, true);
}

std::string canonical_query_string(std::string_view raw_query, std::string_view skip) {
  std::vector<std::pair<std::string, std::string>> pairs;
  while (!raw_query.empty()) {
    auto amp = raw_query.find('&');
    auto piece = raw_query.substr(0, amp);
    if (!piece.empty()) {
      auto eq = piece.find('=');
      auto name = protocol::percent_decode(piece.substr(0, eq), true);
      auto value = eq == std::string_view::npos ? std::string{} : protocol::percent_decode(piece.substr(eq + 1), true);
      if (skip.empty() || name != skip)
        pairs.emplace_back(protocol::percent_encode(name, false), protocol::percent_encode(value, false));
    }
    if (amp == std::string_view::npos) break;
    raw_query.remove_prefix(amp + 1);
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [name, value] : pairs) {
    if (!out.empty()) out += '&';
    out += name;
    out += '=';
    out += value;
  }
  return out;
}

std::string canonical_headers(const protocol::HttpRequest& request, const std::vector<std::string>& names) {
  std::vector<std::string> sorted = names;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string out;
  for (const auto& name : sorted) {
    std::string joined;
    bool first = true;
    for (const auto& [header_name, value] : request.headers) {
      if (header_name.size() != name.size() ||
          !std::equal(name.begin(), name.end(), header_name.begin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
        continue;
      if (!first) joined += ',';
      joined += trim_all(value);
      first = false;
    }
    out += name;
    out += ':';
    out += joined;
    out += '\n';
  }
  return out;
}

std::string canonical_request(const protocol::HttpRequest& request, const CanonicalInput& input) {
  std::vector<std::string> sorted = input.signed_headers;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string signed_list;
  for (const auto& name : sorted) {
    if (!signed_list.empty()) signed_list += ';';
    signed_list += name;
  }
  std::string out = request.method;
  out += '\n';
  out += canonical_uri(request.path());
  out += '\n';
  out += canonical_query_string(request.query(), input.skip_query_parameter);
  out += '\n';
  out += canonical_headers(request, sorted);
  out += '\n';
  out += signed_list;
  out += '\n';
  out += input.payload_hash;
  return out;
}

std::string string_to_sign(std::string_view amz_date, std::string_view scope, std::string_view canonical) {
  std::string out = "AWS4-HMAC-SHA256\n";
  out += amz_date;
  out += '\n';
  out += scope;
  out += '\n';
  out += sha256_hex(canonical);
  return out;
}

std::string signing_key(std::string_view secret, std::string_view date, std::string_view region,
                        std::string_view service) {
  std::string key = "AWS4";
  key += secret;
  key = hmac_sha256(key, date);
  key = hmac_sha256(key, region);
  key = hmac_sha256(key, service);
  return hmac_sha256(key, "aws4_request");
}

}  // namespace understudy::auth
