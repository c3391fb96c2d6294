#include "services/kms/paging.hpp"

#include <algorithm>

#include "emulator/core/aws_error.hpp"
#include "emulator/state/pagination.hpp"

namespace understudy::kms {

Json page_of(const Json& items, const Json& input, const std::string& list_name, const std::string& fingerprint,
             int max_limit, int default_limit) {
  int limit = default_limit;
  if (input.contains("Limit")) {
    limit = input["Limit"].get<int>();
    if (limit < 1 || limit > max_limit)
      throw validation_error("1 validation error detected: Value '" + std::to_string(limit) +
                             "' at 'limit' failed to satisfy constraint: Member must have value less than or equal "
                             "to " +
                             std::to_string(max_limit) + " and greater than or equal to 1");
  }
  std::size_t start = 0;
  if (input.contains("Marker"))
    start = state::decode_page_token(input["Marker"].get<std::string>(), fingerprint, "InvalidMarkerException");
  start = std::min(start, items.size());
  const std::size_t end = std::min(items.size(), start + static_cast<std::size_t>(limit));
  Json out = {{list_name, Json::array()}, {"Truncated", end < items.size()}};
  for (std::size_t i = start; i < end; ++i) out[list_name].push_back(items[i]);
  if (end < items.size()) out["NextMarker"] = state::encode_page_token(end, fingerprint);
  return out;
}

}  // namespace understudy::kms
