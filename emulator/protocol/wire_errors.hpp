#pragma once
// What the JSON-ish wires (json 1.x, rest-json, rpc-v2-cbor) share about errors.
// Internal to emulator/protocol.
#include <string>

#include "emulator/core/aws_error.hpp"
#include "emulator/protocol/protocol.hpp"

namespace understudy::protocol::detail {

inline AwsError serialization_error(std::string message) {
  return AwsError("SerializationException", std::move(message), 400);
}

// Services born on the query protocol (CloudWatch) keep their query error codes when
// served over json or CBOR: clients read them from this header (awsQueryCompatible).
void add_query_error_header(const Route& route, const AwsError& error, HttpResponse& response);

}  // namespace understudy::protocol::detail
