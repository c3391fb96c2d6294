// query and ec2 responses and errors as XML, shaped by the operation's output shape.
#include <charconv>
#include <cmath>
#include <cstdint>

#include "emulator/protocol/codecs.hpp"
#include "emulator/protocol/timestamp.hpp"
#include "emulator/protocol/xml_writer.hpp"

namespace understudy::protocol::detail {

namespace {

using model::Ref;
using model::Service;
using model::Shape;
using model::Type;

// Shortest text that reads back as the same double, in plain notation where that stays
// readable (clients parse both, people prefer 0.25 to 2.5e-01).
std::string format_double(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-Infinity" : "Infinity";
  char buf[512];
  double magnitude = std::fabs(value);
  auto format = (magnitude == 0 || (magnitude >= 1e-7 && magnitude < 1e21)) ? std::chars_format::fixed
                                                                            : std::chars_format::general;
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, format);
  if (ec != std::errc{}) return std::to_string(value);
  return std::string(buf, end);
}

std::string scalar_text(const Ref& ref, const Shape& shape, const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  switch (shape.type) {
    case Type::Boolean:
      if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
      break;
    case Type::Integer:
    case Type::Long:
      if (value.is_number_float()) return std::to_string(std::llround(value.get<double>()));
      break;
    case Type::Float:
    case Type::Double:
      if (value.is_number()) return format_double(value.get<double>());
      break;
    case Type::Timestamp:
      if (value.is_number()) {
        auto format = ref.timestamp_format != model::TimestampFormat::Default ? ref.timestamp_format
                                                                              : shape.timestamp_format;
        double seconds = value.get<double>();
        if (format == model::TimestampFormat::UnixTimestamp) return format_double(seconds);
        if (format == model::TimestampFormat::Rfc822) return format_rfc822(seconds);
        return format_iso8601(seconds);
      }
      break;
    default: break;
  }
  return value.dump();
}

bool is_flattened(const Ref& ref, const Shape& shape) {
  return ((ref.flags | shape.flags) & model::kFlattened) != 0;
}

class XmlEncoder {
 public:
  XmlEncoder(const Service& service, Wire wire, XmlWriter& out) : service_(service), wire_(wire), out_(out) {}

  // The members of a structure value, each as its own element(s), without a wrapper.
  void members(const Shape& shape, const Json& object) {
    if (!object.is_object()) return;
    for (const Ref& member : service_.members(shape)) {
      auto it = object.find(std::string(member.name));
      if (it == object.end() || it->is_null()) continue;
      std::string_view name = member.location_name.empty() ? member.name : member.location_name;
      const Shape& member_shape = service_.shape_of(member);
      if (member_shape.type == Type::List && is_flattened(member, member_shape)) {
        flattened_list(member_shape, name, *it);
      } else if (member_shape.type == Type::Map && is_flattened(member, member_shape)) {
        flattened_map(member_shape, name, *it);
      } else {
        element(member, name, *it);
      }
    }
  }

 private:
  void element(const Ref& ref, std::string_view name, const Json& value) {
    const Shape& shape = service_.shape_of(ref);
    switch (shape.type) {
      case Type::Structure:
        if (!value.is_object()) return;
        out_.open(name);
        members(shape, value);
        out_.close();
        return;
      case Type::List: {
        if (!value.is_array()) return;
        const Ref& item = service_.refs[shape.first_ref];
        std::string_view item_name =
            !item.location_name.empty() ? item.location_name : (wire_ == Wire::Ec2 ? "item" : "member");
        out_.open(name);
        for (const Json& entry : value)
          if (!entry.is_null()) element(item, item_name, entry);
        out_.close();
        return;
      }
      case Type::Map:
        if (!value.is_object()) return;
        out_.open(name);
        for (auto it = value.begin(); it != value.end(); ++it) {
          out_.open("entry");
          map_entry(shape, it.key(), it.value());
          out_.close();
        }
        out_.close();
        return;
      default: out_.leaf(name, scalar_text(ref, shape, value));
    }
  }

  void flattened_list(const Shape& shape, std::string_view member_name, const Json& value) {
    if (!value.is_array()) return;
    const Ref& item = service_.refs[shape.first_ref];
    std::string_view name = item.location_name.empty() ? member_name : item.location_name;
    for (const Json& entry : value)
      if (!entry.is_null()) element(item, name, entry);
  }

  void flattened_map(const Shape& shape, std::string_view name, const Json& value) {
    if (!value.is_object()) return;
    for (auto it = value.begin(); it != value.end(); ++it) {
      out_.open(name);
      map_entry(shape, it.key(), it.value());
      out_.close();
    }
  }

  void map_entry(const Shape& shape, const std::string& key, const Json& value) {
    const Ref& key_ref = service_.refs[shape.first_ref];
    const Ref& value_ref = service_.refs[shape.first_ref + 1];
    element(key_ref, key_ref.location_name.empty() ? "key" : key_ref.location_name, Json(key));
    if (!value.is_null()) element(value_ref, value_ref.location_name.empty() ? "value" : value_ref.location_name, value);
  }

  const Service& service_;
  Wire wire_;
  XmlWriter& out_;
};

// Models spell the namespace with or without its closing slash; AWS always sends it.
std::string xml_namespace(const Route& route) {
  if (route.service == nullptr) return {};
  std::string ns(route.service->xml_namespace);
  if (ns.empty())
    ns = "http://" + std::string(route.service->endpoint_prefix) + ".amazonaws.com/doc/" +
         std::string(route.service->api_version) + "/";
  if (ns.back() != '/' && ns.starts_with("http")) ns += '/';
  return ns;
}

std::string operation_name(const Route& route) {
  return route.operation != nullptr ? std::string(route.operation->name) : route.operation_name;
}

HttpResponse xml_response(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.set_header("Content-Type", "text/xml");
  response.body = std::move(body);
  return response;
}

void open_root(XmlWriter& out, std::string_view element, const std::string& ns) {
  if (ns.empty())
    out.open(element);
  else
    out.open(element, "xmlns", ns);
}

}  // namespace

HttpResponse encode_query_output(const Route& route, const Json& output, std::string_view request_id) {
  XmlWriter out;
  std::string op = operation_name(route);
  open_root(out, op + "Response", xml_namespace(route));
  const model::Operation* operation = route.operation;
  const Ref* output_ref = (route.service != nullptr && operation != nullptr && operation->output >= 0)
                              ? &route.service->refs[static_cast<std::size_t>(operation->output)]
                              : nullptr;
  if (route.wire == Wire::Ec2) {
    out.leaf("requestId", request_id);
    if (output_ref != nullptr)
      XmlEncoder(*route.service, route.wire, out).members(route.service->shape_of(*output_ref), output);
    else
      out.leaf("return", "true");  // what EC2 answers for the actions that return nothing
  } else {
    if (output_ref != nullptr) {
      bool wrapped = !operation->result_wrapper.empty();
      if (wrapped) out.open(operation->result_wrapper);
      XmlEncoder(*route.service, route.wire, out).members(route.service->shape_of(*output_ref), output);
      if (wrapped) out.close();
    }
    out.open("ResponseMetadata");
    out.leaf("RequestId", request_id);
    out.close();
  }
  return xml_response(operation != nullptr ? operation->success_status : 200, out.finish());
}

HttpResponse encode_query_error(const Route& route, const AwsError& error, std::string_view request_id) {
  XmlWriter out;
  if (route.wire == Wire::Ec2) {
    out.open("Response");
    out.open("Errors");
    out.open("Error");
    out.leaf("Code", error.code);
    out.leaf("Message", error.what());
    out.close();
    out.close();
    out.leaf("RequestID", request_id);
  } else {
    open_root(out, "ErrorResponse", xml_namespace(route));
    out.open("Error");
    out.leaf("Type", error.sender_fault ? "Sender" : "Receiver");
    out.leaf("Code", error.code);
    out.leaf("Message", error.what());
    out.close();
    out.leaf("RequestId", request_id);
  }
  return xml_response(error.http_status, out.finish());
}

}  // namespace understudy::protocol::detail
