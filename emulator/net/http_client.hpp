#pragma once
// Outbound HTTP from the emulator (SNS deliveries to http subscribers on loopback). A
// small synchronous client: one request, one connection, bounded by a connect timeout
// and a read timeout, so that a subscriber that hangs costs its caller a known time.
// Call it from a worker thread, never from the I/O thread.
//
// Plain http only: https is refused with HttpClientError (the emulator does not link an
// SSL stack, and a loopback subscriber's self-signed certificate could not be verified
// anyway).
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace understudy::net {

struct HttpUrl {
  std::string scheme;  // "http" or "https"
  std::string host;    // without brackets for an IPv6 literal
  std::string port;    // the scheme's default when the URL gives none
  std::string target;  // path and query, "/" when empty
};

// nullopt for anything that is not an absolute http(s) URL with a host.
std::optional<HttpUrl> parse_http_url(std::string_view url);
// localhost, 127.0.0.0/8 and ::1: the only hosts a local emulator talks to unasked.
bool is_loopback_host(std::string_view host);

struct HttpClientRequest {
  std::string method = "POST";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::chrono::milliseconds connect_timeout{2000};
  // For writing the request and reading the whole response.
  std::chrono::milliseconds read_timeout{5000};
};

struct HttpClientResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// The request could not be made or no response came back: a bad or https URL, a refused
// connection, a timeout. An HTTP error status is a response, not this.
struct HttpClientError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Sends one request and reads the whole response; throws HttpClientError.
HttpClientResponse http_request(const HttpClientRequest& request);

}  // namespace understudy::net
