#pragma once
// MaxResults/NextToken over a list, with tokens from emulator/state/pagination.
#include <cstddef>
#include <optional>
#include <string>

#include "emulator/core/json.hpp"

namespace understudy::secretsmanager {

struct Page {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::optional<std::string> next_token;
};

// The slice of `total` items this request asks for. `fingerprint` names the query, so a
// token from another query is refused with InvalidNextTokenException.
Page page_of(std::size_t total, const Json& input, std::size_t default_max, const std::string& fingerprint);

}  // namespace understudy::secretsmanager
