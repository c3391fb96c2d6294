#pragma once
// AWS's service models as static tables, generated at build time from the npm aws-sdk
// `apis/*.min.json` files by modelgen: nothing is parsed at start-up.
#include <cstdint>
#include <span>
#include <string_view>

namespace understudy::model {

enum class Type : std::uint8_t { Structure, List, Map, String, Integer, Long, Float, Double, Boolean, Timestamp, Blob };

enum class Location : std::uint8_t { Body, Header, Headers, Uri, QueryString, StatusCode };

enum class TimestampFormat : std::uint8_t { Default, Iso8601, UnixTimestamp, Rfc822 };

enum RefFlag : std::uint16_t {
  kRequired = 1 << 0,
  kFlattened = 1 << 1,
  kXmlAttribute = 1 << 2,
  kIdempotencyToken = 1 << 3,
  kJsonValue = 1 << 4,
  kStreaming = 1 << 5,
  kHostLabel = 1 << 6,
  kSensitive = 1 << 7,
};

// A use of a shape: a structure member (with a name), a list's member, a map's key or value.
struct Ref {
  std::string_view name;           // member name; empty for list members and map keys/values
  std::uint32_t shape;             // index into Service::shapes
  std::uint16_t flags;             // RefFlag bits
  Location location;
  TimestampFormat timestamp_format;
  std::string_view location_name;  // wire name (header name, uri label, XML element, query key)
  std::string_view query_name;     // ec2 protocol's explicit query key
};

struct Shape {
  Type type;
  std::uint16_t flags;            // kFlattened on lists and maps, kSensitive
  TimestampFormat timestamp_format;
  std::uint32_t first_ref;        // structure: its members; list: its member; map: key, then value
  std::uint32_t ref_count;
  std::string_view payload;       // structure: the member that is the whole HTTP body
};

struct Operation {
  std::string_view name;
  std::string_view http_method;   // "POST" unless the model says otherwise
  std::string_view request_uri;   // "/" unless the model says otherwise
  std::uint16_t success_status;   // 200 unless the model says otherwise
  std::int32_t input;             // index into Service::refs, or -1
  std::int32_t output;            // index into Service::refs, or -1
  std::string_view result_wrapper;
};

struct Service {
  std::string_view name;          // the model file's service name: "secretsmanager"
  std::string_view api_version;
  std::string_view protocol;      // query, ec2, json, rest-json, rest-xml
  std::string_view endpoint_prefix;
  std::string_view signing_name;
  std::string_view target_prefix; // json protocol's X-Amz-Target prefix
  std::string_view json_version;
  std::string_view xml_namespace;
  std::string_view service_id;
  std::span<const Operation> operations;  // sorted by name
  std::span<const Shape> shapes;
  std::span<const Ref> refs;

  const Operation* find_operation(std::string_view op) const;
  const Shape& shape_of(const Ref& ref) const { return shapes[ref.shape]; }
  std::span<const Ref> members(const Shape& s) const { return refs.subspan(s.first_ref, s.ref_count); }
  const Ref* member(const Shape& s, std::string_view name) const;
};

// Every model built into this binary.
std::span<const Service* const> services();
const Service* find_service(std::string_view name_or_signing_name);

}  // namespace understudy::model
