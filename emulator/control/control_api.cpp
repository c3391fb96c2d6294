#include "emulator/control/control_api.hpp"

#include <cmath>
#include <string_view>

#include "emulator/core/json.hpp"
#include "emulator/core/log.hpp"
#include "emulator/core/version.hpp"
#include "emulator/protocol/url.hpp"

namespace understudy::control {
namespace {

protocol::HttpResponse json_response(int status, const Json& body) {
  protocol::HttpResponse r;
  r.status = status;
  r.set_header("Content-Type", "application/json");
  r.body = body.dump();
  return r;
}

protocol::HttpResponse error_response(int status, const std::string& message) {
  return json_response(status, {{"error", message}});
}

std::string_view trim_slash(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

}  // namespace

std::optional<protocol::HttpResponse> ControlApi::handle(const protocol::HttpRequest& req) {
  const std::string_view path = trim_slash(req.path());
  const std::string_view method = req.method;
  if (path == "/_understudy/health" || path == "/_understudy/ready") return health();
  if (path == "/_understudy/reset" || path == "/moto-api/reset") {
    if (method != "POST") return error_response(405, "use POST to reset");
    return reset();
  }
  if (path == "/_understudy/resources") return resources();
  if (path == "/_understudy/clock") return clock(req);
  if (path == "/_localstack/health" || path == "/health") return localstack_health();
  if (path.starts_with("/_understudy/")) {
    if (auto answer = service_control(req, path.substr(std::string_view("/_understudy/").size()))) return answer;
    return error_response(404, "no such emulator API: " + std::string(path));
  }
  return std::nullopt;
}

// /_understudy/<service>/<path>: handed to the service of that model name.
std::optional<protocol::HttpResponse> ControlApi::service_control(const protocol::HttpRequest& req,
                                                                   std::string_view rest) {
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view name = rest.substr(0, slash), sub = rest.substr(slash + 1);
  for (const auto& s : services_) {
    if (s->model_name() != name) continue;
    std::map<std::string, std::string> query;
    for (auto& [k, v] : protocol::parse_form(req.query())) query[k] = v;
    Json body = req.body.empty() ? Json() : Json::parse(req.body, nullptr, false);
    if (body.is_discarded()) return error_response(400, "the body must be JSON");
    try {
      auto answer = store_.transaction([&] { return s->control(req.method, sub, query, body); });
      if (!answer) return std::nullopt;
      return json_response(200, *answer);
    } catch (const AwsError& e) {
      return json_response(e.http_status, {{"error", e.code}, {"message", e.message()}});
    }
  }
  return std::nullopt;
}

protocol::HttpResponse ControlApi::health() const {
  Json services = Json::object();
  for (const auto& s : services_) services[std::string(s->model_name())] = "running";
  return json_response(200, {{"status", "ok"},
                             {"version", kVersion},
                             {"services", services},
                             {"clock", {{"now", clock_.now()}, {"offset_seconds", clock_.offset()}}}});
}

// LocalStack's shape, so that scripts waiting on it keep working.
protocol::HttpResponse ControlApi::localstack_health() const {
  Json services = Json::object();
  for (const auto& s : services_) services[std::string(s->model_name())] = "running";
  return json_response(200, {{"services", services}, {"edition", "understudy"}, {"version", kVersion}});
}

protocol::HttpResponse ControlApi::reset() {
  store_.clear();
  clock_.set_offset(0);
  for (const auto& s : services_) s->reset();
  log::info("reset: all state dropped");
  return json_response(200, {{"status", "reset"}});
}

protocol::HttpResponse ControlApi::resources() { return json_response(200, {{"resources", store_.summary()}}); }

protocol::HttpResponse ControlApi::clock(const protocol::HttpRequest& req) {
  if (req.method == "POST") {
    Json body = Json::parse(req.body.empty() ? std::string("{}") : req.body, nullptr, false);
    if (!body.is_object()) return error_response(400, "the body must be a JSON object");
    double seconds = 0;
    if (body.contains("advance_seconds")) {
      if (!body["advance_seconds"].is_number()) return error_response(400, "advance_seconds must be a number");
      seconds = body["advance_seconds"].get<double>();
      if (!std::isfinite(seconds) || seconds < 0)
        return error_response(400, "advance_seconds must be zero or more: the clock only moves forward");
    } else {
      return error_response(400, "give advance_seconds");
    }
    clock_.advance(seconds);
    store_.set_setting("clock_offset", std::to_string(clock_.offset()));
    if (hooks_.after_clock_moved) hooks_.after_clock_moved();
  } else if (req.method != "GET") {
    return error_response(405, "use GET or POST");
  }
  return json_response(200, {{"now", clock_.now()}, {"offset_seconds", clock_.offset()}});
}

}  // namespace understudy::control
