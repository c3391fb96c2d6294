#pragma once
// Shared by the json, rest-json, rpc-v2-cbor and routing tests: requests built by hand,
// and botocore (tests/unit/botocore_wire.py) as the judge of what we put on the wire.
#include <strings.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "emulator/core/base64.hpp"
#include "emulator/protocol/protocol.hpp"

namespace understudy::protocol::test {

inline const model::Service& model_named(std::string_view name) {
  const model::Service* found = model::find_service(name);
  REQUIRE(found != nullptr);
  return *found;
}

inline std::string header_of(const HttpResponse& response, std::string_view name) {
  for (const auto& [k, v] : response.headers)
    if (k.size() == name.size() && strncasecmp(k.c_str(), name.data(), name.size()) == 0) return v;
  return {};
}

inline Json response_headers(const HttpResponse& response) {
  Json h = Json::object();
  for (const auto& [k, v] : response.headers) h[k] = v;
  return h;
}

// Runs botocore_wire.py on `request`; returns what it printed, parsed.
inline Json run_botocore(const Json& request) {
  namespace fs = std::filesystem;
  static int counter = 0;
  fs::path script = fs::path(__FILE__).parent_path() / "botocore_wire.py";
  fs::path dir = fs::temp_directory_path() /
                 ("understudy-botocore-wire-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  fs::create_directories(dir);
  fs::path in = dir / "request.json", out = dir / "result.txt";
  std::ofstream(in) << request.dump();
  std::string command = "python3 '" + script.string() + "' '" + in.string() + "' > '" + out.string() + "' 2>&1";
  int rc = std::system(command.c_str());
  std::stringstream printed;
  printed << std::ifstream(out).rdbuf();
  fs::remove_all(dir);
  INFO(printed.str());
  REQUIRE(rc == 0);
  return Json::parse(printed.str());
}

// What botocore's client makes of our response.
inline Json botocore_parse(const Json& service, std::string_view protocol, std::string_view operation,
                           const HttpResponse& response) {
  return run_botocore({{"mode", "parse"},
                       {"service", service},
                       {"protocol", protocol},
                       {"operation", operation},
                       {"status", response.status},
                       {"headers", response_headers(response)},
                       {"body_base64", base64_encode(response.body)}});
}

// The request botocore's client sends for `params`, as an HttpRequest.
inline HttpRequest botocore_request(const Json& service, std::string_view protocol, std::string_view operation,
                                    const Json& params) {
  Json wire = run_botocore({{"mode", "serialize"},
                            {"service", service},
                            {"protocol", protocol},
                            {"operation", operation},
                            {"params", params}});
  HttpRequest request;
  request.method = wire["method"];
  request.target = wire["url_path"].get<std::string>();
  std::string query = wire["query_string"];
  if (!query.empty()) request.target += (request.target.find('?') == std::string::npos ? "?" : "&") + query;
  for (auto it = wire["headers"].begin(); it != wire["headers"].end(); ++it) {
    std::string name = it.key();
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(name, it->get<std::string>());
  }
  request.body = base64_decode(wire["body_base64"].get<std::string>()).value_or("");
  return request;
}

// Routes and decodes what botocore sent, as the server would.
inline Json decode_botocore_request(const Json& service, std::string_view protocol, std::string_view operation,
                                    const Json& params, std::string_view signing_service, Route* route_out = nullptr) {
  HttpRequest request = botocore_request(service, protocol, operation, params);
  Route r = route(request, signing_service);
  INFO("request " << request.method << " " << request.target);
  REQUIRE(r.operation != nullptr);
  CHECK(r.operation_name == operation);
  if (route_out) *route_out = r;
  return decode_input(r, request);
}

}  // namespace understudy::protocol::test
