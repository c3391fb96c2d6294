// query and ec2 requests: form fields (`Tags.member.1.Key=...`) read back into a JSON value
// of the operation's input shape, led by the model rather than by the keys, so that a
// key the model does not know is ignored as AWS ignores it.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>

#include "emulator/protocol/codecs.hpp"
#include "emulator/protocol/timestamp.hpp"
#include "emulator/protocol/url.hpp"

namespace understudy::protocol::detail {

namespace {

using model::Ref;
using model::Service;
using model::Shape;
using model::Type;

// The form fields as a tree of their dot-separated key segments: `A.member.1.B=x`
// becomes A → member → 1 → B holding "x".
struct FieldNode {
  std::optional<std::string> value;
  std::map<std::string, std::unique_ptr<FieldNode>, std::less<>> children;

  const FieldNode* child(std::string_view segment) const {
    auto it = children.find(segment);
    return it == children.end() ? nullptr : it->second.get();
  }
  FieldNode& child_for_write(std::string_view segment) {
    auto it = children.find(segment);
    if (it == children.end()) it = children.emplace(std::string(segment), std::make_unique<FieldNode>()).first;
    return *it->second;
  }
};

void insert_field(FieldNode& root, std::string_view key, std::string value) {
  FieldNode* node = &root;
  while (true) {
    std::size_t dot = key.find('.');
    node = &node->child_for_write(key.substr(0, dot));
    if (dot == std::string_view::npos) break;
    key.remove_prefix(dot + 1);
  }
  node->value = std::move(value);
}

bool is_flattened(const Ref& ref, const Shape& shape) {
  return ((ref.flags | shape.flags) & model::kFlattened) != 0;
}

// The children of a list or map node that are 1-based positions, in numeric order.
std::vector<const FieldNode*> positional_children(const FieldNode& node) {
  std::vector<std::pair<unsigned long, const FieldNode*>> found;
  for (const auto& [segment, child] : node.children) {
    unsigned long position = 0;
    auto [end, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), position);
    if (ec == std::errc{} && end == segment.data() + segment.size() && position > 0)
      found.emplace_back(position, child.get());
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const FieldNode*> ordered;
  ordered.reserve(found.size());
  for (const auto& entry : found) ordered.push_back(entry.second);
  return ordered;
}

class QueryDecoder {
 public:
  QueryDecoder(const Service& service, Wire wire) : service_(service), wire_(wire) {}

  // nullopt when the fields hold nothing for this ref.
  std::optional<Json> decode(const Ref& ref, const FieldNode& node, const std::string& path) const {
    const Shape& shape = service_.shape_of(ref);
    switch (shape.type) {
      case Type::Structure: return decode_structure(shape, node, path);
      case Type::List: return decode_list(ref, shape, node, path);
      case Type::Map: return decode_map(ref, shape, node, path);
      default: return decode_scalar(shape, node, path);
    }
  }

 private:
  // The key segment a structure member goes by on the wire.
  std::string member_key(const Ref& member) const {
    if (wire_ == Wire::Ec2) {
      if (!member.query_name.empty()) return std::string(member.query_name);
      if (!member.location_name.empty()) {
        std::string key(member.location_name);
        key[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(key[0])));
        return key;
      }
      return std::string(member.name);
    }
    const Shape& shape = service_.shape_of(member);
    if (shape.type == Type::List && is_flattened(member, shape)) {
      const Ref& item = service_.refs[shape.first_ref];
      if (!item.location_name.empty()) return std::string(item.location_name);
    }
    return std::string(member.location_name.empty() ? member.name : member.location_name);
  }

  std::optional<Json> decode_structure(const Shape& shape, const FieldNode& node, const std::string& path) const {
    Json object = Json::object();
    for (const Ref& member : service_.members(shape)) {
      std::string key = member_key(member);
      const FieldNode* child = node.child(key);
      if (child == nullptr) continue;
      if (auto value = decode(member, *child, path.empty() ? key : path + "." + key)) object[member.name] = *value;
    }
    return object;
  }

  std::optional<Json> decode_list(const Ref& ref, const Shape& shape, const FieldNode& node,
                                  const std::string& path) const {
    const Ref& item = service_.refs[shape.first_ref];
    const FieldNode* items = &node;
    std::string items_path = path;
    if (wire_ == Wire::Query && !is_flattened(ref, shape)) {
      std::string segment(item.location_name.empty() ? "member" : item.location_name);
      items = node.child(segment);
      items_path += "." + segment;
    }
    // The query protocol sends an empty list as the bare key with no value (`Names=`).
    if (items == nullptr) return node.value ? std::optional<Json>(Json::array()) : std::nullopt;
    Json array = Json::array();
    std::size_t position = 0;
    for (const FieldNode* entry : positional_children(*items)) {
      ++position;
      if (auto value = decode(item, *entry, items_path + "." + std::to_string(position))) array.push_back(*value);
    }
    if (array.empty() && !node.value) return std::nullopt;
    return array;
  }

  std::optional<Json> decode_map(const Ref& ref, const Shape& shape, const FieldNode& node,
                                 const std::string& path) const {
    const Ref& key_ref = service_.refs[shape.first_ref];
    const Ref& value_ref = service_.refs[shape.first_ref + 1];
    std::string key_segment(key_ref.location_name.empty() ? "key" : key_ref.location_name);
    std::string value_segment(value_ref.location_name.empty() ? "value" : value_ref.location_name);
    const FieldNode* entries = is_flattened(ref, shape) ? &node : node.child("entry");
    if (entries == nullptr) return node.value ? std::optional<Json>(Json::object()) : std::nullopt;
    Json object = Json::object();
    for (const FieldNode* entry : positional_children(*entries)) {
      const FieldNode* key = entry->child(key_segment);
      const FieldNode* value = entry->child(value_segment);
      if (key == nullptr || !key->value) continue;
      std::optional<Json> decoded;
      if (value != nullptr) decoded = decode(value_ref, *value, path + "." + *key->value);
      object[*key->value] = decoded ? *decoded : Json(nullptr);
    }
    return object;
  }

  std::optional<Json> decode_scalar(const Shape& shape, const FieldNode& node, const std::string& path) const {
    if (!node.value) return std::nullopt;
    const std::string& text = *node.value;
    switch (shape.type) {
      case Type::Boolean:
        if (equals_ignoring_case(text, "true")) return Json(true);
        if (equals_ignoring_case(text, "false")) return Json(false);
        throw invalid_value(text, path, "a boolean (true or false)");
      case Type::Integer:
      case Type::Long: {
        std::int64_t number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        bool in_range = shape.type == Type::Long || (number >= std::numeric_limits<std::int32_t>::min() &&
                                                         number <= std::numeric_limits<std::int32_t>::max());
        if (ec != std::errc{} || end != text.data() + text.size() || !in_range)
          throw invalid_value(text, path, shape.type == Type::Long ? "a long integer" : "an integer");
        return Json(number);
      }
      case Type::Float:
      case Type::Double: {
        double number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(number))
          throw invalid_value(text, path, "a number");
        return Json(number);
      }
      case Type::Timestamp:
        if (auto seconds = parse_timestamp(text)) return Json(*seconds);
        throw invalid_value(text, path, "a timestamp (ISO 8601 or seconds since the epoch)");
      default: return Json(text);
    }
  }

  static bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
  }

  // AWS's common query error for a value of the wrong type (both query and ec2 services).
  static AwsError invalid_value(const std::string& text, const std::string& path, std::string_view expected) {
    return AwsError("InvalidParameterValue",
                    "Value (" + text + ") for parameter " + path + " is invalid. Expected " + std::string(expected) + ".",
                    400);
  }

  const Service& service_;
  Wire wire_;
};

}  // namespace

Json decode_query(const Route& route, const HttpRequest& request) {
  if (route.service == nullptr || route.operation == nullptr)
    throw AwsError("InvalidAction", "The action " + route.operation_name + " is not valid for this web service.", 400);
  if (route.operation->input < 0) return Json::object();

  // Fields may come in the query string, the form body, or both (body wins on a clash).
  FieldNode root;
  auto add = [&root](std::vector<std::pair<std::string, std::string>> fields) {
    for (auto& [key, value] : fields)
      if (key != "Action" && key != "Version") insert_field(root, key, std::move(value));
  };
  add(parse_form(request.query()));
  if (request.method != "GET") add(parse_form(request.body));

  const Service& service = *route.service;
  const Ref& input = service.refs[static_cast<std::size_t>(route.operation->input)];
  QueryDecoder decoder(service, route.wire);
  Json value = decoder.decode(input, root, "").value_or(Json::object());
  validate_input(service, input, value, route.wire);
  return value;
}

}  // namespace understudy::protocol::detail
