#pragma once
// The AWS wire protocols, driven by the service models and ignorant of every service:
// which service and operation a request is for, its input as a JSON value of the
// operation's input shape, and the output or error serialized back in the protocol the
// client spoke.
#include <map>
#include <string>

#include "emulator/core/aws_error.hpp"
#include "emulator/core/json.hpp"
#include "emulator/protocol/http_message.hpp"
#include "emulator/protocol/model.hpp"

namespace understudy::protocol {

enum class Wire { Query, Ec2, Json10, Json11, RestJson, Cbor };

const char* wire_name(Wire w);

struct Route {
  const model::Service* service = nullptr;      // null when no service could be told
  const model::Operation* operation = nullptr;  // null when the operation is unknown
  Wire wire = Wire::Json11;
  std::string operation_name;                   // as the client named it, even if unknown
  std::map<std::string, std::string> uri_labels;  // rest-json: decoded {Label} values
};

// Tells service, operation and wire from the request. `signing_service` is the service
// named in the SigV4 credential scope (empty when unsigned). Never throws: an unknown
// service or operation leaves those fields null, and `wire` is the client's best guess.
Route route(const HttpRequest& request, std::string_view signing_service);

// The input as a JSON value of the operation's input shape, validated against the
// model (required members, types). Throws AwsError with the protocol's own codes.
Json decode_input(const Route& route, const HttpRequest& request);

HttpResponse encode_output(const Route& route, const Json& output, std::string_view request_id);
HttpResponse encode_error(const Route& route, const AwsError& error, std::string_view request_id);

}  // namespace understudy::protocol
