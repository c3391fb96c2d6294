#include "services/secretsmanager/paging.hpp"

#include <algorithm>

#include "emulator/state/pagination.hpp"

namespace understudy::secretsmanager {

Page page_of(std::size_t total, const Json& input, std::size_t default_max, const std::string& fingerprint) {
  Page page;
  if (auto token = input.find("NextToken"); token != input.end() && token->is_string())
    page.begin = state::decode_page_token(token->get<std::string>(), fingerprint, "InvalidNextTokenException");
  std::size_t max = default_max;
  if (auto m = input.find("MaxResults"); m != input.end() && m->is_number_integer() && m->get<long long>() > 0)
    max = static_cast<std::size_t>(m->get<long long>());
  page.begin = std::min(page.begin, total);
  page.end = std::min(total, page.begin + max);
  if (page.end < total) page.next_token = state::encode_page_token(page.end, fingerprint);
  return page;
}

}  // namespace understudy::secretsmanager
