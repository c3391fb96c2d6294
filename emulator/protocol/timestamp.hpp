#pragma once
// Timestamps on the wire, in each protocol's format. Inside the emulator a timestamp is
// a double of seconds since the epoch.
#include <optional>
#include <string>
#include <string_view>

namespace understudy::protocol {

std::string format_iso8601(double epoch_seconds);   // 2026-11-23T15:54:27.123Z (millis only if non-zero)
std::string format_rfc822(double epoch_seconds);    // Mon, 23 Nov 2026 15:54:27 GMT
// Accepts ISO 8601 (with or without fraction and zone), RFC 822, or epoch seconds.
std::optional<double> parse_timestamp(std::string_view text);

}  // namespace understudy::protocol
