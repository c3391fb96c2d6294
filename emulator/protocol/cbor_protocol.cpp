// smithy rpc-v2-cbor: POST /service/{Service}/operation/{Operation}, the input and the
// output shapes as CBOR maps keyed by member name; blobs are byte strings and timestamps
// tag 1 epoch seconds.
#include <cmath>
#include <string>

#include "emulator/core/base64.hpp"
#include "emulator/protocol/cbor.hpp"
#include "emulator/protocol/codecs.hpp"
#include "emulator/protocol/json_shape.hpp"
#include "emulator/protocol/wire_errors.hpp"

namespace understudy::protocol::detail {
namespace {

using model::Type;

void write(cbor::Writer& w, const model::Service& service, const model::Ref& ref, const Json& value) {
  const model::Shape& shape = service.shape_of(ref);
  switch (shape.type) {
    case Type::Structure: {
      if (!value.is_object()) break;
      std::size_t n = 0;
      for (const model::Ref& m : service.members(shape)) {
        auto it = value.find(std::string(m.name));
        if (it != value.end() && !it->is_null()) ++n;
      }
      w.map(n);
      for (const model::Ref& m : service.members(shape)) {
        auto it = value.find(std::string(m.name));
        if (it == value.end() || it->is_null()) continue;
        w.text(m.name);
        write(w, service, m, *it);
      }
      return;
    }
    case Type::List: {
      if (!value.is_array()) break;
      const model::Ref& member = service.members(shape)[0];
      w.array(value.size());
      for (const Json& e : value) {
        if (e.is_null())
          w.null();
        else
          write(w, service, member, e);
      }
      return;
    }
    case Type::Map: {
      if (!value.is_object()) break;
      const model::Ref& v = service.members(shape)[1];
      w.map(value.size());
      for (auto it = value.begin(); it != value.end(); ++it) {
        w.text(it.key());
        if (it->is_null())
          w.null();
        else
          write(w, service, v, *it);
      }
      return;
    }
    case Type::Timestamp: {
      Json t = json_from_wire(service, ref, value);
      if (!t.is_number()) break;
      double seconds = t.get<double>();
      w.tag(1);
      if (std::floor(seconds) == seconds && std::fabs(seconds) < 9e15)
        w.integer(static_cast<std::int64_t>(seconds));
      else
        w.double_precision(seconds);
      return;
    }
    case Type::Blob:
      if (!value.is_string()) break;
      w.bytes(base64_decode(value.get<std::string>()).value_or(value.get<std::string>()));
      return;
    case Type::Float:
    case Type::Double:
      if (!value.is_number()) break;
      w.floating(value.get<double>());
      return;
    default:
      break;
  }
  w.value(value);
}

HttpResponse cbor_response(int status, std::string body, std::string_view request_id) {
  HttpResponse response;
  response.status = status;
  response.set_header("Content-Type", "application/cbor");
  response.set_header("smithy-protocol", "rpc-v2-cbor");
  response.set_header("x-amzn-RequestId", std::string(request_id));
  response.body = std::move(body);
  return response;
}

}  // namespace

Json decode_cbor(const Route& route, const HttpRequest& request) {
  Json wire = Json::object();
  if (!request.body.empty()) {
    try {
      wire = cbor::decode(request.body);
    } catch (const cbor::DecodeError& e) {
      throw serialization_error(std::string("The request body is not valid CBOR: ") + e.what());
    }
    if (!wire.is_object()) throw serialization_error("The request body must be a CBOR map");
  }
  if (route.operation->input < 0) return Json::object();
  const model::Ref& input = route.service->refs[route.operation->input];
  Json value = json_from_wire(*route.service, input, wire);
  validate_input(*route.service, input, value, route.wire);
  return value;
}

HttpResponse encode_cbor_output(const Route& route, const Json& output, std::string_view request_id) {
  cbor::Writer w;
  if (route.operation && route.operation->output >= 0 && output.is_object())
    write(w, *route.service, route.service->refs[route.operation->output], output);
  else
    w.map(0);
  return cbor_response(200, w.take(), request_id);
}

HttpResponse encode_cbor_error(const Route& route, const AwsError& error, std::string_view request_id) {
  cbor::Writer w;
  w.map(2);
  w.text("__type");
  w.text(error.code);
  w.text("message");
  w.text(error.message());
  HttpResponse response = cbor_response(error.http_status, w.take(), request_id);
  add_query_error_header(route, error, response);
  return response;
}

}  // namespace understudy::protocol::detail
