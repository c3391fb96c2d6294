#include "services/kms/tags.hpp"

#include "emulator/state/tags.hpp"
#include "services/kms/errors.hpp"

namespace understudy::kms {

Json tags_from_kms(const Json& kms_tags) {
  Json out = Json::array();
  if (kms_tags.is_null()) return out;
  if (!kms_tags.is_array()) throw tag_error("Tags must be a list of TagKey and TagValue pairs.");
  for (const auto& t : kms_tags) {
    if (!t.is_object() || !t.contains("TagKey")) throw tag_error("A tag must have a TagKey.");
    if (!t.contains("TagValue")) throw tag_error("Tag '" + t["TagKey"].get<std::string>() + "' must have a TagValue.");
    out.push_back({{"Key", t["TagKey"]}, {"Value", t["TagValue"]}});
  }
  state::validate_tags(out, "TagException");
  return out;
}

Json tags_to_kms(const Json& tags) {
  Json out = Json::array();
  for (const auto& t : tags) out.push_back({{"TagKey", t["Key"]}, {"TagValue", t.value("Value", "")}});
  return out;
}

}  // namespace understudy::kms
