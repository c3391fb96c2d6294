// The outbound HTTP client's URL handling.
#include <catch2/catch.hpp>

#include "emulator/net/http_client.hpp"

using namespace understudy::net;

TEST_CASE("http URLs are split into host, port and target", "[net]") {
  auto u = parse_http_url("http://127.0.0.1:8080/hook?x=1");
  REQUIRE(u);
  CHECK(u->scheme == "http");
  CHECK(u->host == "127.0.0.1");
  CHECK(u->port == "8080");
  CHECK(u->target == "/hook?x=1");
  u = parse_http_url("HTTPS://[::1]/");
  REQUIRE(u);
  CHECK(u->scheme == "https");
  CHECK(u->host == "::1");
  CHECK(u->port == "443");
  u = parse_http_url("http://localhost");
  REQUIRE(u);
  CHECK(u->target == "/");
  CHECK(u->port == "80");
  CHECK_FALSE(parse_http_url("ftp://x/"));
  CHECK_FALSE(parse_http_url("http:///path"));
  CHECK_FALSE(parse_http_url("http://host:port/"));
}

TEST_CASE("loopback hosts", "[net]") {
  CHECK(is_loopback_host("localhost"));
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("127.1.2.3"));
  CHECK(is_loopback_host("::1"));
  CHECK_FALSE(is_loopback_host("10.0.0.1"));
  CHECK_FALSE(is_loopback_host("example.com"));
}

TEST_CASE("https and refused connections are errors, not responses", "[net]") {
  HttpClientRequest req;
  req.url = "https://127.0.0.1:1/";
  CHECK_THROWS_AS(http_request(req), HttpClientError);
  req.url = "http://127.0.0.1:1/";
  req.connect_timeout = std::chrono::milliseconds(500);
  CHECK_THROWS_AS(http_request(req), HttpClientError);
}
