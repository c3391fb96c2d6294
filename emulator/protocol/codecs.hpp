#pragma once
// Each wire protocol's decode and encode, behind protocol.hpp's dispatch. Internal to
// emulator/protocol.
#include <string_view>

#include "emulator/protocol/protocol.hpp"

namespace understudy::protocol::detail {

// query and ec2: form-encoded input, XML output
Json decode_query(const Route& route, const HttpRequest& request);
HttpResponse encode_query_output(const Route& route, const Json& output, std::string_view request_id);
HttpResponse encode_query_error(const Route& route, const AwsError& error, std::string_view request_id);

// json 1.0 and 1.1 (X-Amz-Target)
Json decode_json(const Route& route, const HttpRequest& request);
HttpResponse encode_json_output(const Route& route, const Json& output, std::string_view request_id);
HttpResponse encode_json_error(const Route& route, const AwsError& error, std::string_view request_id);

// rest-json
Json decode_rest_json(const Route& route, const HttpRequest& request);
HttpResponse encode_rest_json_output(const Route& route, const Json& output, std::string_view request_id);
HttpResponse encode_rest_json_error(const Route& route, const AwsError& error, std::string_view request_id);

// smithy rpc-v2-cbor
Json decode_cbor(const Route& route, const HttpRequest& request);
HttpResponse encode_cbor_output(const Route& route, const Json& output, std::string_view request_id);
HttpResponse encode_cbor_error(const Route& route, const AwsError& error, std::string_view request_id);

// Checks a decoded input against the operation's input shape: required members present,
// each value of its shape's type. Throws AwsError in the wire's own vocabulary
// (ValidationException for JSON-ish wires, ValidationError / MissingParameter for query).
void validate_input(const model::Service& service, const model::Ref& input, const Json& value, Wire wire);

}  // namespace understudy::protocol::detail
