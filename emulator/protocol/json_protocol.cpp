// AWS json 1.0 and 1.1: X-Amz-Target names the operation, the body is the input shape
// as JSON, the response body the output shape.
#include <string>

#include "emulator/protocol/codecs.hpp"
#include "emulator/protocol/json_shape.hpp"
#include "emulator/protocol/wire_errors.hpp"

namespace understudy::protocol::detail {
namespace {

const char* content_type(Wire wire) {
  return wire == Wire::Json10 ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
}

HttpResponse json_response(const Route& route, int status, const Json& body, std::string_view request_id) {
  HttpResponse response;
  response.status = status;
  response.set_header("Content-Type", content_type(route.wire));
  response.set_header("x-amzn-RequestId", std::string(request_id));
  response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

}  // namespace

Json decode_json(const Route& route, const HttpRequest& request) {
  Json wire = Json::object();
  if (request.body.find_first_not_of(" \t\r\n") != std::string::npos) {
    wire = Json::parse(request.body, nullptr, false);
    if (wire.is_discarded()) throw serialization_error("The request body is not valid JSON");
    if (!wire.is_object()) throw serialization_error("The request body must be a JSON object");
  }
  if (route.operation->input < 0) return Json::object();
  const model::Ref& input = route.service->refs[route.operation->input];
  Json value = json_from_wire(*route.service, input, wire);
  validate_input(*route.service, input, value, route.wire);
  return value;
}

HttpResponse encode_json_output(const Route& route, const Json& output, std::string_view request_id) {
  Json body = Json::object();
  if (route.operation && route.operation->output >= 0)
    body = json_to_wire(*route.service, route.service->refs[route.operation->output], output);
  return json_response(route, 200, body.is_object() ? body : Json::object(), request_id);
}

HttpResponse encode_json_error(const Route& route, const AwsError& error, std::string_view request_id) {
  HttpResponse response =
      json_response(route, error.http_status, Json{{"__type", error.code}, {"message", error.message()}}, request_id);
  response.set_header("x-amzn-ErrorType", error.code);
  add_query_error_header(route, error, response);
  return response;
}

}  // namespace understudy::protocol::detail
