#include "emulator/state/tags.hpp"

#include "emulator/core/aws_error.hpp"

namespace understudy::state {
namespace {
constexpr std::size_t kMaxTags = 50;

std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

void check_one(const Json& tag, const std::string& code) {
  if (!tag.is_object() || !tag.contains("Key") || !tag["Key"].is_string())
    throw AwsError(code, "A tag must have a Key.");
  const std::string key = tag["Key"];
  const std::string value = tag.value("Value", "");
  if (key.empty() || utf8_length(key) > 128)
    throw AwsError(code, "Tag key '" + key + "' must be between 1 and 128 characters long.");
  if (utf8_length(value) > 256)
    throw AwsError(code, "The value of tag '" + key + "' must be at most 256 characters long.");
  if (key.rfind("aws:", 0) == 0)
    throw AwsError(code, "Tag keys starting with 'aws:' are reserved for use by AWS: " + key);
}
}  // namespace

void validate_tags(const Json& tags, const std::string& code) {
  if (tags.is_null()) return;
  if (!tags.is_array()) throw AwsError(code, "Tags must be a list of Key and Value pairs.");
  if (tags.size() > kMaxTags)
    throw AwsError(code, "A resource can have at most 50 tags; " + std::to_string(tags.size()) + " were given.");
  for (const auto& t : tags) check_one(t, code);
}

Json merge_tags(const Json& existing, const Json& added, const std::string& code) {
  validate_tags(added, code);
  Json out = existing.is_array() ? existing : Json::array();
  for (const auto& t : added) {
    bool replaced = false;
    for (auto& e : out)
      if (e["Key"] == t["Key"]) {
        e["Value"] = t.value("Value", "");
        replaced = true;
      }
    if (!replaced) out.push_back({{"Key", t["Key"]}, {"Value", t.value("Value", "")}});
  }
  if (out.size() > kMaxTags)
    throw AwsError(code, "A resource can have at most 50 tags; this request would leave " +
                             std::to_string(out.size()) + ".");
  return out;
}

Json remove_tag_keys(const Json& existing, const Json& keys) {
  Json out = Json::array();
  if (!existing.is_array()) return out;
  for (const auto& t : existing) {
    bool drop = false;
    if (keys.is_array())
      for (const auto& k : keys)
        if (t["Key"] == k) drop = true;
    if (!drop) out.push_back(t);
  }
  return out;
}

Json tags_to_map(const Json& tag_list) {
  Json out = Json::object();
  if (tag_list.is_array())
    for (const auto& t : tag_list) out[t["Key"].get<std::string>()] = t.value("Value", "");
  return out;
}

Json map_to_tags(const Json& tag_map) {
  Json out = Json::array();
  if (tag_map.is_object())
    for (auto it = tag_map.begin(); it != tag_map.end(); ++it) out.push_back({{"Key", it.key()}, {"Value", it.value()}});
  return out;
}

}  // namespace understudy::state
