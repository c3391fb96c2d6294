#include "emulator/net/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <cctype>

namespace understudy::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Runs the one asynchronous operation just started on `io` to its end. Beast's stream
// timeouts only apply to asynchronous operations, hence this rather than the blocking calls.
void run_step(asio::io_context& io) {
  io.run();
  io.restart();
}

}  // namespace

std::optional<HttpUrl> parse_http_url(std::string_view url) {
  HttpUrl out;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  out.scheme = lower(url.substr(0, scheme_end));
  if (out.scheme != "http" && out.scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(scheme_end + 3);
  const auto path_start = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, path_start);
  out.target = path_start == std::string_view::npos ? "/" : std::string(rest.substr(path_start));
  if (const auto hash = out.target.find('#'); hash != std::string::npos) out.target.resize(hash);
  if (out.target.empty() || out.target[0] == '?') out.target.insert(0, "/");
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view port;
  if (authority.starts_with("[")) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    out.host = std::string(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (after.starts_with(":"))
      port = after.substr(1);
    else if (!after.empty())
      return std::nullopt;
  } else {
    const auto colon = authority.rfind(':');
    out.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
  }
  if (out.host.empty()) return std::nullopt;
  for (char c : port)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  out.port = port.empty() ? (out.scheme == "https" ? "443" : "80") : std::string(port);
  return out;
}

bool is_loopback_host(std::string_view host) {
  const std::string h = lower(host);
  if (h == "localhost" || h == "::1" || h.ends_with(".localhost")) return true;
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(h, ec);
  return !ec && address.is_loopback();
}

HttpClientResponse http_request(const HttpClientRequest& request) {
  const auto url = parse_http_url(request.url);
  if (!url) throw HttpClientError("not an http URL: " + request.url);
  if (url->scheme != "http") throw HttpClientError("https is not supported by Understudy's outbound client");

  asio::io_context io;
  beast::tcp_stream stream(io);
  boost::system::error_code ec;

  tcp::resolver resolver(io);
  const auto endpoints = resolver.resolve(url->host, url->port, ec);
  if (ec) throw HttpClientError("cannot resolve " + url->host + ": " + ec.message());

  stream.expires_after(request.connect_timeout);
  stream.async_connect(endpoints, [&](boost::system::error_code e, const tcp::endpoint&) { ec = e; });
  run_step(io);
  if (ec) throw HttpClientError("cannot connect to " + url->host + ":" + url->port + ": " + ec.message());

  http::request<http::string_body> req;
  req.method_string(request.method);
  req.target(url->target);
  req.version(11);
  const bool default_port = url->port == "80";
  const bool ipv6 = url->host.find(':') != std::string::npos;
  const std::string host = ipv6 ? "[" + url->host + "]" : url->host;
  req.set(http::field::host, default_port ? host : host + ":" + url->port);
  req.set(http::field::connection, "close");
  for (const auto& [name, value] : request.headers) req.set(name, value);
  req.body() = request.body;
  req.prepare_payload();

  stream.expires_after(request.read_timeout);
  http::async_write(stream, req, [&](boost::system::error_code e, std::size_t) { ec = e; });
  run_step(io);
  if (ec) throw HttpClientError("cannot send to " + request.url + ": " + ec.message());

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(1024 * 1024);
  http::async_read(stream, buffer, parser, [&](boost::system::error_code e, std::size_t) { ec = e; });
  run_step(io);
  if (ec) throw HttpClientError("no response from " + request.url + ": " + ec.message());

  HttpClientResponse out;
  auto& res = parser.get();
  out.status = static_cast<int>(res.result_int());
  for (const auto& field : res) out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  out.body = std::move(res.body());
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return out;
}

}  // namespace understudy::net
