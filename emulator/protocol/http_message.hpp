#pragma once
// HTTP requests and responses as the protocol layer sees them: no Beast, no sockets.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace understudy::protocol {

using Headers = std::vector<std::pair<std::string, std::string>>;  // names in lower case

struct HttpRequest {
  std::string method;   // "GET", "POST", ...
  std::string target;   // path and query string as sent: "/path?a=b"
  Headers headers;
  std::string body;

  // Empty when absent. Names are matched case-insensitively.
  std::string_view header(std::string_view name) const;
  std::string_view path() const;   // target before '?'
  std::string_view query() const;  // target after '?', without it
};

struct HttpResponse {
  int status = 200;
  Headers headers;  // Content-Type goes here too
  std::string body;

  void set_header(std::string name, std::string value);
};

}  // namespace understudy::protocol
