// AWS rest-json: the operation is told by method and path (see protocol.cpp); members
// live in the URI, the query string, headers or the JSON body, as the model places them.
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string>
#include <strings.h>
#include <vector>

#include "emulator/core/base64.hpp"
#include "emulator/protocol/codecs.hpp"
#include "emulator/protocol/json_shape.hpp"
#include "emulator/protocol/timestamp.hpp"
#include "emulator/protocol/url.hpp"
#include "emulator/protocol/wire_errors.hpp"

namespace understudy::protocol::detail {
namespace {

using model::Location;
using model::Type;

std::string_view wire_key(const model::Ref& ref) { return ref.location_name.empty() ? ref.name : ref.location_name; }

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// A member's value from text (a URI label, a query parameter, a header). Text that does
// not read as the member's type is kept as text, for validation to name.
Json from_text(const model::Service& service, const model::Ref& ref, std::string_view text,
               model::TimestampFormat default_format) {
  const model::Shape& shape = service.shape_of(ref);
  switch (shape.type) {
    case Type::String:
      if (ref.flags & model::kJsonValue) {
        auto decoded = base64_decode(text);
        Json v = decoded ? Json::parse(*decoded, nullptr, false) : Json(Json::value_t::discarded);
        if (v.is_discarded())
          throw serialization_error("Header " + std::string(ref.location_name) + " is not base64-encoded JSON");
        return v;
      }
      return std::string(text);
    case Type::Integer:
    case Type::Long: {
      std::int64_t v = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) return v;
      return std::string(text);
    }
    case Type::Float:
    case Type::Double: {
      std::string s(text);
      char* end = nullptr;
      double v = std::strtod(s.c_str(), &end);
      if (!s.empty() && end == s.c_str() + s.size()) return v;
      return s;
    }
    case Type::Boolean:
      if (text == "true") return true;
      if (text == "false") return false;
      return std::string(text);
    case Type::Timestamp:
      if (auto t = parse_timestamp(text)) return *t;
      return std::string(text);
    case Type::List: {
      // a list in a header is comma separated (RFC 9110)
      const model::Ref& member = service.members(shape)[0];
      Json out = Json::array();
      std::size_t start = 0;
      while (start <= text.size()) {
        auto comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        out.push_back(from_text(service, member, trim(text.substr(start, comma - start)), default_format));
        start = comma + 1;
      }
      return out;
    }
    default:
      return std::string(text);
  }
}

std::string to_text(const model::Service& service, const model::Ref& ref, const Json& value,
                    model::TimestampFormat default_format) {
  const model::Shape& shape = service.shape_of(ref);
  if (shape.type == Type::String && (ref.flags & model::kJsonValue)) return base64_encode(value.dump());
  if (value.is_string()) {
    if (shape.type != Type::Timestamp) return value.get<std::string>();
    auto t = parse_timestamp(value.get<std::string>());
    return t ? format_timestamp(*t, timestamp_format(service, ref, default_format)) : value.get<std::string>();
  }
  if (shape.type == Type::Timestamp && value.is_number())
    return format_timestamp(value.get<double>(), timestamp_format(service, ref, default_format));
  if (value.is_array()) {
    std::string out;
    const model::Ref& member = service.members(shape)[0];
    for (const Json& e : value) out += (out.empty() ? "" : ",") + to_text(service, member, e, default_format);
    return out;
  }
  return value.dump();
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && strncasecmp(s.data(), prefix.data(), prefix.size()) == 0;
}

Json parse_body(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return Json::object();
  Json wire = Json::parse(body, nullptr, false);
  if (wire.is_discarded()) throw serialization_error("The request body is not valid JSON");
  if (!wire.is_object()) throw serialization_error("The request body must be a JSON object");
  return wire;
}

}  // namespace

Json decode_rest_json(const Route& route, const HttpRequest& request) {
  if (route.operation->input < 0) return Json::object();
  const model::Service& service = *route.service;
  const model::Ref& input = service.refs[route.operation->input];
  const model::Shape& shape = service.shape_of(input);
  auto query = parse_form(request.query());
  // the template's own literal query parts (?mode=upload) select the operation; they are
  // no member's value
  std::vector<std::string> literal_keys;
  if (auto q = route.operation->request_uri.find('?'); q != std::string_view::npos)
    for (auto& [k, v] : parse_form(route.operation->request_uri.substr(q + 1))) literal_keys.push_back(k);
  Json out = Json::object();

  for (const model::Ref& m : service.members(shape)) {
    std::string name(m.name);
    std::string_view key = wire_key(m);
    const model::Shape& member_shape = service.shape_of(m);
    switch (m.location) {
      case Location::Uri:
        if (auto it = route.uri_labels.find(std::string(key)); it != route.uri_labels.end())
          out[name] = from_text(service, m, it->second, model::TimestampFormat::Iso8601);
        break;
      case Location::QueryString:
        if (member_shape.type == Type::Map) {
          // every parameter no other member claims
          const model::Ref& value_ref = service.members(member_shape)[1];
          bool list_values = service.shape_of(value_ref).type == Type::List;
          Json map = Json::object();
          for (const auto& [k, v] : query) {
            bool claimed = std::find(literal_keys.begin(), literal_keys.end(), k) != literal_keys.end();
            for (const model::Ref& other : service.members(shape))
              if (other.location == Location::QueryString && &other != &m && wire_key(other) == k) claimed = true;
            if (claimed) continue;
            if (list_values)
              map[k].push_back(v);
            else if (!map.contains(k))
              map[k] = v;
          }
          if (!map.empty()) out[name] = map;
        } else if (member_shape.type == Type::List) {
          const model::Ref& item = service.members(member_shape)[0];
          Json list = Json::array();
          for (const auto& [k, v] : query)
            if (k == key) list.push_back(from_text(service, item, v, model::TimestampFormat::Iso8601));
          if (!list.empty()) out[name] = list;
        } else {
          for (const auto& [k, v] : query)
            if (k == key) {
              out[name] = from_text(service, m, v, model::TimestampFormat::Iso8601);
              break;
            }
        }
        break;
      case Location::Header: {
        // absent and empty are one to us: no AWS header member means anything when empty
        std::string_view v = request.header(key);
        if (!v.empty()) out[name] = from_text(service, m, v, model::TimestampFormat::Rfc822);
        break;
      }
      case Location::Headers: {
        Json map = Json::object();
        for (const auto& [k, v] : request.headers)
          if (starts_with_nocase(k, key)) map[k.substr(key.size())] = v;
        if (!map.empty()) out[name] = map;
        break;
      }
      default:
        break;
    }
  }

  if (!shape.payload.empty()) {
    const model::Ref* payload = service.member(shape, shape.payload);
    if (!payload || request.body.empty()) {
      validate_input(service, input, out, route.wire);
      return out;
    }
    switch (service.shape_of(*payload).type) {
      case Type::Blob:
        out[std::string(payload->name)] = base64_encode(request.body);
        break;
      case Type::String:
        out[std::string(payload->name)] = request.body;
        break;
      default:
        out[std::string(payload->name)] = json_from_wire(service, *payload, parse_body(request.body));
    }
  } else {
    Json body = json_from_wire(service, input, parse_body(request.body), true);
    if (body.is_object()) out.update(body);
  }
  validate_input(service, input, out, route.wire);
  return out;
}

HttpResponse encode_rest_json_output(const Route& route, const Json& output, std::string_view request_id) {
  HttpResponse response;
  response.status = route.operation ? route.operation->success_status : 200;
  response.set_header("x-amzn-RequestId", std::string(request_id));
  if (!route.operation || route.operation->output < 0 || !output.is_object()) {
    response.set_header("Content-Type", "application/json");
    response.body = "{}";
    return response;
  }
  const model::Service& service = *route.service;
  const model::Ref& out_ref = service.refs[route.operation->output];
  const model::Shape& shape = service.shape_of(out_ref);

  for (const model::Ref& m : service.members(shape)) {
    auto it = output.find(std::string(m.name));
    if (it == output.end() || it->is_null()) continue;
    switch (m.location) {
      case Location::Header:
        response.set_header(std::string(wire_key(m)), to_text(service, m, *it, model::TimestampFormat::Rfc822));
        break;
      case Location::Headers:
        if (it->is_object())
          for (auto h = it->begin(); h != it->end(); ++h)
            response.set_header(std::string(wire_key(m)) + h.key(),
                                h->is_string() ? h->get<std::string>() : h->dump());
        break;
      case Location::StatusCode:
        if (it->is_number_integer()) response.status = it->get<int>();
        break;
      default:
        break;
    }
  }

  if (!shape.payload.empty()) {
    const model::Ref* payload = service.member(shape, shape.payload);
    auto it = payload ? output.find(std::string(payload->name)) : output.end();
    Type type = payload ? service.shape_of(*payload).type : Type::Structure;
    if (type == Type::Blob) {
      response.set_header("Content-Type", "application/octet-stream");
      if (it != output.end() && it->is_string()) response.body = base64_decode(it->get<std::string>()).value_or("");
    } else if (type == Type::String) {
      response.set_header("Content-Type", "text/plain");
      if (it != output.end() && it->is_string()) response.body = it->get<std::string>();
    } else {
      response.set_header("Content-Type", "application/json");
      if (it != output.end() && !it->is_null()) response.body = json_to_wire(service, *payload, *it).dump();
    }
    return response;
  }
  response.set_header("Content-Type", "application/json");
  response.body = json_to_wire(service, out_ref, output, true).dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

HttpResponse encode_rest_json_error(const Route& route, const AwsError& error, std::string_view request_id) {
  HttpResponse response;
  response.status = error.http_status;
  response.set_header("Content-Type", "application/json");
  response.set_header("x-amzn-RequestId", std::string(request_id));
  response.set_header("x-amzn-ErrorType", error.code);
  add_query_error_header(route, error, response);
  response.body = Json{{"message", error.message()}}.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

}  // namespace understudy::protocol::detail
