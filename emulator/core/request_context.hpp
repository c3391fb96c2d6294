#pragma once
#include <string>

namespace understudy {

// Who is calling and where: what a service handler knows of a request besides its input.
struct RequestContext {
  std::string account = "000000000000";
  std::string region = "us-east-1";
  std::string request_id;
  std::string access_key_id;  // empty for unsigned requests
  double now = 0;             // the emulator's clock, seconds since the epoch
};

}  // namespace understudy
