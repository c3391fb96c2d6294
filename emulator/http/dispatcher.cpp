#include "emulator/http/dispatcher.hpp"

#include <chrono>
#include <cstdio>

#include "emulator/core/log.hpp"
#include "emulator/protocol/protocol.hpp"
#include "emulator/state/ids.hpp"

namespace understudy::http {
namespace {

double wall_now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The protocol's own word for "no such operation here", as a 4xx: a 5xx would make the
// SDKs retry for minutes before the user sees anything.
AwsError not_implemented(const protocol::Route& route) {
  const std::string name = std::string(route.service ? route.service->service_id : "unknown") + "." +
                           (route.operation_name.empty() ? "?" : route.operation_name);
  const bool query = route.wire == protocol::Wire::Query || route.wire == protocol::Wire::Ec2;
  return AwsError(query ? "InvalidAction" : "UnknownOperationException",
                  "Understudy does not implement " + name + " yet", 400);
}

}  // namespace

void Dispatcher::verify_signature(const protocol::HttpRequest& request, const protocol::Route& route,
                                  const auth::Identity& identity, const std::optional<IssuedKey>& issued) const {
  // Some operations are called before the caller has credentials (web identity, SAML).
  if (identity.access_key_id.empty() && route.service && route.operation) {
    auto it = by_model_.find(route.service->name);
    if (it != by_model_.end() && it->second->allows_unsigned(route.operation->name)) return;
  }
  if (!issued || options_.verify.secret_keys.contains(identity.access_key_id))
    return auth::verify(request, options_.verify, wall_now());
  auth::VerifyOptions with_issued = options_.verify;
  with_issued.secret_keys[identity.access_key_id] = issued->secret_access_key;
  auth::verify(request, with_issued, wall_now());
}

Dispatcher::Dispatcher(DispatchOptions options, state::Store& store, const state::Clock& clock,
                       const std::vector<std::unique_ptr<Service>>& services, control::ControlApi& control)
    : options_(std::move(options)), store_(store), clock_(clock), control_(control) {
  for (const auto& s : services) by_model_[s->model_name()] = s.get();
}

protocol::HttpResponse Dispatcher::handle(const protocol::HttpRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  if (auto own = control_.handle(request)) return *std::move(own);

  RequestContext ctx;
  ctx.request_id = state::request_id();
  ctx.now = clock_.now();
  const auth::Identity identity = auth::identify(request);
  ctx.access_key_id = identity.access_key_id;
  ctx.account = identity.account;
  if (!identity.region.empty()) ctx.region = identity.region;
  std::optional<IssuedKey> issued;
  if (options_.find_issued_key && !identity.access_key_id.empty())
    issued = options_.find_issued_key(identity.access_key_id, ctx.now);
  if (issued) ctx.account = issued->account;

  protocol::Route route = protocol::route(request, identity.service);
  protocol::HttpResponse response;
  std::string outcome;
  try {
    if (options_.verify_signatures) verify_signature(request, route, identity, issued);
    if (!route.service)
      throw AwsError("UnrecognizedClientException",
                     "Understudy could not tell which AWS service this request is for (" + request.method + " " +
                         std::string(request.path()) + "); sign it with SigV4 or send the service's target header",
                     400);
    auto it = by_model_.find(route.service->name);
    if (!route.operation || it == by_model_.end() || !it->second->implements(route.operation->name))
      throw not_implemented(route);
    Json input = protocol::decode_input(route, request);
    Service& service = *it->second;
    Json output = store_.transaction([&] { return service.call(route.operation->name, input, ctx); });
    response = protocol::encode_output(route, output, ctx.request_id);
  } catch (const AwsError& e) {
    outcome = " " + e.code;
    if (e.code == "InvalidAction" || e.code == "UnknownOperationException") log::warn(e.message());
    response = protocol::encode_error(route, e, ctx.request_id);
  } catch (const Json::exception& e) {
    // A value of an unexpected shape reached a handler: the caller's input, so a 4xx.
    outcome = " ValidationException";
    response = protocol::encode_error(route, validation_error(std::string("Invalid request: ") + e.what()),
                                      ctx.request_id);
  } catch (const std::exception& e) {
    outcome = " InternalFailure";
    log::error(std::string("internal error in ") + route.operation_name + ": " + e.what());
    response = protocol::encode_error(route, internal_failure(std::string("Understudy failed: ") + e.what()),
                                      ctx.request_id);
  }

  bool has_request_id = false;
  for (const auto& [name, value] : response.headers)
    if (name == "x-amzn-RequestId" || name == "x-amzn-requestid") has_request_id = true;
  if (!has_request_id) response.set_header("x-amzn-RequestId", ctx.request_id);

  if (log::enabled(log::Level::info)) {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.2fms", ms);
    log::info(std::string(route.service ? route.service->name : "?") + " " +
              (route.operation_name.empty() ? "?" : route.operation_name) + " " + ctx.account + " " + ctx.region +
              " " + std::to_string(response.status) + outcome + " " + elapsed + " " + ctx.request_id);
  }
  return response;
}

}  // namespace understudy::http
