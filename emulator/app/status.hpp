#pragma once
#include <string>

namespace understudy::app {

// `understudy status`: asks a running emulator for its health and prints it. Returns
// the process exit code.
int print_status(const std::string& host, unsigned short port);

}  // namespace understudy::app
