#pragma once
// The one value type between the wire and the services. Conventions every protocol
// codec and every service keeps: a blob is a base64 string, a timestamp is a number of
// seconds since the epoch (fractions allowed), absent members are absent keys.
#include <nlohmann/json.hpp>

namespace understudy {
using Json = nlohmann::json;
}
