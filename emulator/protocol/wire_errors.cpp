#include "emulator/protocol/wire_errors.hpp"

namespace understudy::protocol::detail {

void add_query_error_header(const Route& route, const AwsError& error, HttpResponse& response) {
  if (!route.service || route.service->protocol != "query") return;
  response.set_header("x-amzn-query-error", error.code + (error.sender_fault ? ";Sender" : ";Receiver"));
}

}  // namespace understudy::protocol::detail
