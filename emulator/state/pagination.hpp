#pragma once
// Pagination tokens: opaque to the client, an offset and a fingerprint of the query
// for us, so that a token from one query is refused by another.
#include <cstddef>
#include <string>

namespace understudy::state {

std::string encode_page_token(std::size_t offset, const std::string& query_fingerprint);
// Throws AwsError(`error_code`, "Invalid NextToken ...") for a token not made by
// encode_page_token for this query.
std::size_t decode_page_token(const std::string& token, const std::string& query_fingerprint,
                              const std::string& error_code = "InvalidNextTokenException");

}  // namespace understudy::state
