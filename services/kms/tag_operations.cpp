#include "emulator/state/tags.hpp"
#include "services/kms/key_lookup.hpp"
#include "services/kms/kms.hpp"
#include "services/kms/paging.hpp"
#include "services/kms/tags.hpp"

namespace understudy::kms {

Json Kms::TagResource(const Json& input, const RequestContext& ctx) {
  KeyRecord key = key_named(input, ctx);
  require_not_pending_deletion(key);
  key.tags = state::merge_tags(key.tags, tags_from_kms(input.value("Tags", Json::array())), "TagException");
  repo_.save(key);
  return Json::object();
}

Json Kms::UntagResource(const Json& input, const RequestContext& ctx) {
  KeyRecord key = key_named(input, ctx);
  require_not_pending_deletion(key);
  key.tags = state::remove_tag_keys(key.tags, input.value("TagKeys", Json::array()));
  repo_.save(key);
  return Json::object();
}

Json Kms::ListResourceTags(const Json& input, const RequestContext& ctx) {
  const KeyRecord key = key_named(input, ctx);
  return page_of(tags_to_kms(key.tags), input, "Tags", "ListResourceTags:" + key.key_id, 50, 50);
}

}  // namespace understudy::kms
