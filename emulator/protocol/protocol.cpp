// Which service, operation and wire a request is for, and the dispatch to each wire's
// codec. Everything here is read from the models; no service is named.
#include "emulator/protocol/protocol.hpp"

#include <optional>
#include <strings.h>
#include <vector>

#include "emulator/protocol/codecs.hpp"
#include "emulator/protocol/url.hpp"

namespace understudy::protocol {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && strncasecmp(s.data(), prefix.data(), prefix.size()) == 0;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    auto pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

// The path's segments, without the leading slash and without one trailing slash:
// clients differ on that slash and AWS does not care.
std::vector<std::string_view> path_segments(std::string_view path) {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.empty()) return {};
  return split(path, '/');
}

const model::Service* by_signing_name(std::string_view signing_service) {
  return signing_service.empty() ? nullptr : model::find_service(signing_service);
}

Wire wire_of(const model::Service& service) {
  if (service.protocol == "ec2") return Wire::Ec2;
  if (service.protocol == "query") return Wire::Query;
  if (service.protocol == "rest-json") return Wire::RestJson;
  return service.json_version == "1.0" ? Wire::Json10 : Wire::Json11;
}

void set_operation(Route& r, std::string_view op) {
  r.operation_name = std::string(op);
  r.operation = r.service ? r.service->find_operation(op) : nullptr;
}

// smithy rpc-v2-cbor: .../service/{ServiceShape}/operation/{Operation}
std::optional<Route> route_cbor(const HttpRequest& request, std::string_view signing_service) {
  if (!iequals(request.header("smithy-protocol"), "rpc-v2-cbor")) return std::nullopt;
  Route r;
  r.wire = Wire::Cbor;
  std::string_view path = request.path();
  auto at = path.rfind("/service/");
  if (at == std::string_view::npos) return r;
  auto parts = split(path.substr(at + 1), '/');
  if (parts.size() != 4 || parts[2] != "operation") return r;
  std::string shape = percent_decode(parts[1], false);
  for (const model::Service* s : model::services())
    if (!s->target_prefix.empty() && s->target_prefix == shape) r.service = s;
  // Services born on query (CloudWatch) have no Smithy name in their npm model; the
  // credential scope still says who they are.
  if (!r.service) r.service = by_signing_name(signing_service);
  set_operation(r, percent_decode(parts[3], false));
  return r;
}

// json 1.0 / 1.1: X-Amz-Target: {Prefix}.{Operation}
std::optional<Route> route_json(const HttpRequest& request, std::string_view signing_service) {
  std::string_view target = request.header("x-amz-target");
  if (target.empty()) return std::nullopt;
  Route r;
  r.wire = istarts_with(request.header("content-type"), "application/x-amz-json-1.0") ? Wire::Json10 : Wire::Json11;
  auto dot = target.rfind('.');
  std::string_view prefix = dot == std::string_view::npos ? std::string_view{} : target.substr(0, dot);
  std::string_view op = dot == std::string_view::npos ? target : target.substr(dot + 1);
  for (const model::Service* s : model::services())
    if (!s->target_prefix.empty() && s->target_prefix == prefix) r.service = s;
  if (!r.service) r.service = by_signing_name(signing_service);
  set_operation(r, op);
  return r;
}

// query and ec2: Action= in a form body, or in the query string of a GET
std::optional<Route> route_query(const HttpRequest& request, std::string_view signing_service) {
  bool form = istarts_with(request.header("content-type"), "application/x-www-form-urlencoded");
  std::string_view query = request.query();
  bool get_action = request.method == "GET" && (query.starts_with("Action=") || query.find("&Action=") != query.npos);
  if (!form && !get_action) return std::nullopt;
  std::string action;
  for (auto& [k, v] : parse_form(query))
    if (k == "Action") action = v;
  if (form)
    for (auto& [k, v] : parse_form(request.body))
      if (k == "Action") action = v;
  Route r;
  r.service = by_signing_name(signing_service);
  if (!r.service && !action.empty()) {
    const model::Service* only = nullptr;
    int count = 0;
    for (const model::Service* s : model::services())
      if ((s->protocol == "query" || s->protocol == "ec2") && s->find_operation(action)) {
        only = s;
        ++count;
      }
    if (count == 1) r.service = only;
  }
  r.wire = r.service && r.service->protocol == "ec2" ? Wire::Ec2 : Wire::Query;
  set_operation(r, action);
  return r;
}

struct RestMatch {
  const model::Operation* operation = nullptr;
  std::map<std::string, std::string> labels;
  int literals = 0;  // more literal segments: a more specific template
  bool greedy = false;
};

// Matches one operation's method and requestUri template against the request.
std::optional<RestMatch> match_rest(const model::Operation& op, const HttpRequest& request,
                                    const std::vector<std::string_view>& segments,
                                    const std::vector<std::pair<std::string, std::string>>& query) {
  if (op.http_method != request.method) return std::nullopt;
  std::string_view uri = op.request_uri;
  auto q = uri.find('?');
  std::string_view tpath = uri.substr(0, q);
  RestMatch m;
  m.operation = &op;
  if (q != std::string_view::npos) {
    // literal query parts (?tagging, ?x-id=GetObject) must be present
    for (std::string_view part : split(uri.substr(q + 1), '&')) {
      if (part.empty()) continue;
      auto eq = part.find('=');
      std::string_view key = part.substr(0, eq);
      std::string_view value = eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1);
      bool found = false;
      for (auto& [k, v] : query)
        if (k == key && (eq == std::string_view::npos || v == value)) found = true;
      if (!found) return std::nullopt;
      ++m.literals;
    }
  }
  auto tsegs = path_segments(tpath);
  std::size_t i = 0;
  for (std::size_t t = 0; t < tsegs.size(); ++t) {
    std::string_view ts = tsegs[t];
    if (ts.size() > 2 && ts.front() == '{' && ts.back() == '}') {
      std::string_view label = ts.substr(1, ts.size() - 2);
      if (label.ends_with('+')) {
        if (t + 1 != tsegs.size() || i >= segments.size()) return std::nullopt;
        std::string rest;
        for (; i < segments.size(); ++i) rest += (rest.empty() ? "" : "/") + percent_decode(segments[i], false);
        m.labels[std::string(label.substr(0, label.size() - 1))] = rest;
        m.greedy = true;
        continue;
      }
      if (i >= segments.size() || segments[i].empty()) return std::nullopt;
      m.labels[std::string(label)] = percent_decode(segments[i++], false);
    } else {
      if (i >= segments.size() || percent_decode(segments[i], false) != ts) return std::nullopt;
      ++i;
      ++m.literals;
    }
  }
  if (i != segments.size()) return std::nullopt;
  return m;
}

Route route_rest(const HttpRequest& request, std::string_view signing_service) {
  std::vector<const model::Service*> candidates;
  const model::Service* signed_service = by_signing_name(signing_service);
  if (signed_service && signed_service->protocol == "rest-json") {
    candidates.push_back(signed_service);
  } else {
    for (const model::Service* s : model::services())
      if (s->protocol == "rest-json") candidates.push_back(s);
  }
  auto segments = path_segments(request.path());
  auto query = parse_form(request.query());

  Route r;
  r.wire = Wire::RestJson;
  std::optional<RestMatch> best;
  const model::Service* best_service = nullptr;
  for (const model::Service* s : candidates)
    for (const model::Operation& op : s->operations) {
      auto m = match_rest(op, request, segments, query);
      if (!m) continue;
      if (!best || m->literals > best->literals || (m->literals == best->literals && best->greedy && !m->greedy)) {
        best = std::move(m);
        best_service = s;
      }
    }
  if (best) {
    r.service = best_service;
    r.operation = best->operation;
    r.operation_name = std::string(best->operation->name);
    r.uri_labels = std::move(best->labels);
    return r;
  }
  r.service = signed_service;
  if (signed_service) r.wire = wire_of(*signed_service);
  return r;
}

std::string describe(const HttpRequest& request) {
  std::string out = request.method + " " + std::string(request.path());
  if (auto t = request.header("x-amz-target"); !t.empty()) out += " (X-Amz-Target: " + std::string(t) + ")";
  return out;
}

}  // namespace

const char* wire_name(Wire w) {
  switch (w) {
    case Wire::Query: return "query";
    case Wire::Ec2: return "ec2";
    case Wire::Json10: return "json-1.0";
    case Wire::Json11: return "json-1.1";
    case Wire::RestJson: return "rest-json";
    case Wire::Cbor: return "smithy-rpc-v2-cbor";
  }
  return "unknown";
}

Route route(const HttpRequest& request, std::string_view signing_service) {
  try {
    if (auto r = route_cbor(request, signing_service)) return std::move(*r);
    if (auto r = route_json(request, signing_service)) return std::move(*r);
    if (auto r = route_query(request, signing_service)) return std::move(*r);
    return route_rest(request, signing_service);
  } catch (const std::exception&) {
    // only allocation can fail above; an unroutable request is still answered
    return Route{};
  }
}

Json decode_input(const Route& route, const HttpRequest& request) {
  bool query = route.wire == Wire::Query || route.wire == Wire::Ec2;
  if (!route.service)
    throw AwsError(query ? "InvalidAction" : "UnknownOperationException",
                   "Understudy could not tell which AWS service this request is for: " + describe(request) +
                       ". Sign it with SigV4 (the credential scope names the service) or use a served service.",
                   400);
  if (!route.operation) {
    if (query)
      throw AwsError("InvalidAction", "The action " + route.operation_name + " is not valid for this web service.");
    if (route.wire == Wire::RestJson)
      throw AwsError("UnknownOperationException",
                     "No " + std::string(route.service->service_id) + " operation matches " + describe(request), 404);
    throw AwsError("UnknownOperationException",
                   "Operation " + route.operation_name + " is not an operation of " +
                       std::string(route.service->service_id));
  }
  switch (route.wire) {
    case Wire::Query:
    case Wire::Ec2: return detail::decode_query(route, request);
    case Wire::Json10:
    case Wire::Json11: return detail::decode_json(route, request);
    case Wire::RestJson: return detail::decode_rest_json(route, request);
    case Wire::Cbor: return detail::decode_cbor(route, request);
  }
  return Json::object();
}

HttpResponse encode_output(const Route& route, const Json& output, std::string_view request_id) {
  switch (route.wire) {
    case Wire::Query:
    case Wire::Ec2: return detail::encode_query_output(route, output, request_id);
    case Wire::Json10:
    case Wire::Json11: return detail::encode_json_output(route, output, request_id);
    case Wire::RestJson: return detail::encode_rest_json_output(route, output, request_id);
    case Wire::Cbor: return detail::encode_cbor_output(route, output, request_id);
  }
  return {};
}

HttpResponse encode_error(const Route& route, const AwsError& error, std::string_view request_id) {
  switch (route.wire) {
    case Wire::Query:
    case Wire::Ec2: return detail::encode_query_error(route, error, request_id);
    case Wire::Json10:
    case Wire::Json11: return detail::encode_json_error(route, error, request_id);
    case Wire::RestJson: return detail::encode_rest_json_error(route, error, request_id);
    case Wire::Cbor: return detail::encode_cbor_error(route, error, request_id);
  }
  return {};
}

}  // namespace understudy::protocol
