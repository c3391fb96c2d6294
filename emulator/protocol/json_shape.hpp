#pragma once
// Walks a value along its model shape between a JSON-ish wire (json 1.x, rest-json
// bodies, decoded CBOR) and the emulator's own Json, where members go by their model
// names, a blob is a base64 string and a timestamp is a double of epoch seconds.
// Internal to emulator/protocol.
#include <string>

#include "emulator/core/json.hpp"
#include "emulator/protocol/model.hpp"

namespace understudy::protocol::detail {

// The format a timestamp member is written in: the member's trait, else its shape's,
// else the protocol's default.
model::TimestampFormat timestamp_format(const model::Service& service, const model::Ref& ref,
                                        model::TimestampFormat protocol_default);
std::string format_timestamp(double epoch_seconds, model::TimestampFormat format);

// The key a member goes by in a JSON body: its locationName if the model gives one.
inline std::string_view json_key(const model::Ref& ref) {
  return ref.location_name.empty() ? ref.name : ref.location_name;
}

// Wire value to ours. Unknown members are dropped; values of the wrong type are kept as
// they are so that validation names them. With `body_only`, members the model places in
// the URI, query string or headers are ignored at the top level.
Json json_from_wire(const model::Service& service, const model::Ref& ref, const Json& wire, bool body_only = false);

// Our value to the wire: locationName keys, timestamps in their format, nulls omitted.
Json json_to_wire(const model::Service& service, const model::Ref& ref, const Json& value, bool body_only = false);

}  // namespace understudy::protocol::detail
