#include "emulator/protocol/json_shape.hpp"

#include <cmath>

#include "emulator/core/base64.hpp"
#include "emulator/protocol/timestamp.hpp"

namespace understudy::protocol::detail {

using model::Location;
using model::Type;

model::TimestampFormat timestamp_format(const model::Service& service, const model::Ref& ref,
                                        model::TimestampFormat protocol_default) {
  if (ref.timestamp_format != model::TimestampFormat::Default) return ref.timestamp_format;
  const model::Shape& shape = service.shape_of(ref);
  if (shape.timestamp_format != model::TimestampFormat::Default) return shape.timestamp_format;
  return protocol_default;
}

std::string format_timestamp(double epoch_seconds, model::TimestampFormat format) {
  switch (format) {
    case model::TimestampFormat::Iso8601:
      return format_iso8601(epoch_seconds);
    case model::TimestampFormat::Rfc822:
      return format_rfc822(epoch_seconds);
    default: {
      Json n = epoch_seconds;
      if (std::floor(epoch_seconds) == epoch_seconds && std::fabs(epoch_seconds) < 1e15)
        n = static_cast<std::int64_t>(epoch_seconds);
      return n.dump();
    }
  }
}

namespace {

bool is_body(const model::Ref& ref) { return ref.location == Location::Body; }

Json timestamp_from_wire(const Json& wire) {
  if (wire.is_number()) return wire.get<double>();
  if (wire.is_string()) {
    if (auto t = parse_timestamp(wire.get_ref<const std::string&>())) return *t;
  }
  return wire;
}

}  // namespace

Json json_from_wire(const model::Service& service, const model::Ref& ref, const Json& wire, bool body_only) {
  const model::Shape& shape = service.shape_of(ref);
  switch (shape.type) {
    case Type::Structure: {
      if (!wire.is_object()) return wire;
      Json out = Json::object();
      for (const model::Ref& m : service.members(shape)) {
        if (body_only && !is_body(m)) continue;
        auto it = wire.find(std::string(json_key(m)));
        // smithy rpc-v2-cbor goes by member names, whatever a member's locationName
        if (it == wire.end() && !m.location_name.empty()) it = wire.find(std::string(m.name));
        if (it == wire.end() || it->is_null()) continue;
        out[std::string(m.name)] = json_from_wire(service, m, *it);
      }
      return out;
    }
    case Type::List: {
      if (!wire.is_array()) return wire;
      const model::Ref& member = service.members(shape)[0];
      Json out = Json::array();
      for (const Json& e : wire) out.push_back(e.is_null() ? e : json_from_wire(service, member, e));
      return out;
    }
    case Type::Map: {
      if (!wire.is_object()) return wire;
      const model::Ref& value = service.members(shape)[1];
      Json out = Json::object();
      for (auto it = wire.begin(); it != wire.end(); ++it)
        if (!it->is_null()) out[it.key()] = json_from_wire(service, value, *it);
      return out;
    }
    case Type::Timestamp:
      return timestamp_from_wire(wire);
    case Type::Blob:
      if (wire.is_binary()) {
        const auto& b = wire.get_binary();
        return base64_encode(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
      }
      return wire;
    case Type::Float:
    case Type::Double:
      // JSON has no NaN or Infinity; AWS sends them as these strings
      if (wire.is_string()) {
        const auto& s = wire.get_ref<const std::string&>();
        if (s == "NaN") return std::nan("");
        if (s == "Infinity") return INFINITY;
        if (s == "-Infinity") return -INFINITY;
      }
      return wire;
    default:
      return wire;
  }
}

Json json_to_wire(const model::Service& service, const model::Ref& ref, const Json& value, bool body_only) {
  const model::Shape& shape = service.shape_of(ref);
  switch (shape.type) {
    case Type::Structure: {
      if (!value.is_object()) return value;
      Json out = Json::object();
      for (const model::Ref& m : service.members(shape)) {
        if (body_only && !is_body(m)) continue;
        auto it = value.find(std::string(m.name));
        if (it == value.end() || it->is_null()) continue;
        out[std::string(json_key(m))] = json_to_wire(service, m, *it);
      }
      return out;
    }
    case Type::List: {
      if (!value.is_array()) return value;
      const model::Ref& member = service.members(shape)[0];
      Json out = Json::array();
      for (const Json& e : value) out.push_back(json_to_wire(service, member, e));
      return out;
    }
    case Type::Map: {
      if (!value.is_object()) return value;
      const model::Ref& v = service.members(shape)[1];
      Json out = Json::object();
      for (auto it = value.begin(); it != value.end(); ++it)
        if (!it->is_null()) out[it.key()] = json_to_wire(service, v, *it);
      return out;
    }
    case Type::Timestamp: {
      Json t = timestamp_from_wire(value);
      if (!t.is_number()) return value;
      auto format = timestamp_format(service, ref, model::TimestampFormat::UnixTimestamp);
      if (format == model::TimestampFormat::Iso8601 || format == model::TimestampFormat::Rfc822)
        return format_timestamp(t.get<double>(), format);
      return Json::parse(format_timestamp(t.get<double>(), model::TimestampFormat::UnixTimestamp));
    }
    case Type::Float:
    case Type::Double:
      if (value.is_number_float()) {
        double d = value.get<double>();
        if (std::isnan(d)) return "NaN";
        if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
      }
      return value;
    default:
      return value;
  }
}

}  // namespace understudy::protocol::detail
