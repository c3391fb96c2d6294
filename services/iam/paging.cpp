#include "services/iam/paging.hpp"

#include "emulator/state/pagination.hpp"
#include "services/iam/errors.hpp"
#include "services/iam/validation.hpp"

namespace understudy::iam {

Json page(const Json& input, std::vector<Json> items, const std::string& list_member, const std::string& query) {
  Violations v;
  check_range(v, input, "MaxItems", 1, 1000);
  v.throw_if_any();
  std::size_t max_items = input.value("MaxItems", 100);
  std::size_t start = 0;
  if (auto marker = input.find("Marker"); marker != input.end() && marker->is_string())
    start = state::decode_page_token(marker->get<std::string>(), query, "ValidationError");
  Json out = {{list_member, Json::array()}, {"IsTruncated", false}};
  std::size_t end = std::min(items.size(), start + max_items);
  for (std::size_t i = start; i < end; ++i) out[list_member].push_back(std::move(items[i]));
  if (end < items.size()) {
    out["IsTruncated"] = true;
    out["Marker"] = state::encode_page_token(end, query);
  }
  return out;
}

}  // namespace understudy::iam
