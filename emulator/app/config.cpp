#include "emulator/app/config.hpp"

#include <charconv>
#include <cstdlib>

namespace understudy::app {
namespace {

bool parse_port(const std::string& text, unsigned short& out) {
  unsigned value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value > 65535) return false;
  out = static_cast<unsigned short>(value);
  return true;
}

bool parse_bool(const std::string& text) { return text == "1" || text == "true" || text == "yes" || text == "on"; }

// "AKID:SECRET,AKID2:SECRET2"
std::string parse_credentials(const std::string& text, std::map<std::string, std::string>& out) {
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string pair = text.substr(start, end - start);
    auto colon = pair.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == pair.size())
      return "credentials must be ACCESS_KEY_ID:SECRET_ACCESS_KEY pairs separated by commas";
    out[pair.substr(0, colon)] = pair.substr(colon + 1);
    start = end + 1;
  }
  return "";
}

const char* env(const char* name) { return std::getenv(name); }

}  // namespace

std::string config_usage() {
  return "usage: understudy serve [--host HOST] [--port PORT] [--state-dir DIR] [--ephemeral]\n"
         "                        [--log-level debug|info|warn|error] [--verify-signatures]\n"
         "                        [--credentials AKID:SECRET[,AKID:SECRET...]]\n"
         "Each flag may also be set as UNDERSTUDY_HOST, UNDERSTUDY_PORT, UNDERSTUDY_STATE_DIR,\n"
         "UNDERSTUDY_EPHEMERAL, UNDERSTUDY_LOG_LEVEL, UNDERSTUDY_VERIFY_SIGNATURES, UNDERSTUDY_CREDENTIALS.\n";
}

std::string parse_config(const std::vector<std::string>& args, Config& out) {
  if (auto v = env("UNDERSTUDY_HOST")) out.host = v;
  if (auto v = env("UNDERSTUDY_PORT"); v && !parse_port(v, out.port)) return "UNDERSTUDY_PORT is not a port";
  if (auto v = env("UNDERSTUDY_STATE_DIR")) out.state_dir = v;
  if (auto v = env("UNDERSTUDY_EPHEMERAL")) out.ephemeral = parse_bool(v);
  if (auto v = env("UNDERSTUDY_LOG_LEVEL")) out.log_level = v;
  if (auto v = env("UNDERSTUDY_VERIFY_SIGNATURES")) out.verify_signatures = parse_bool(v);
  if (auto v = env("UNDERSTUDY_CREDENTIALS")) {
    if (auto err = parse_credentials(v, out.credentials); !err.empty()) return "UNDERSTUDY_CREDENTIALS: " + err;
  }

  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](std::string& dest) -> bool {
      if (i + 1 >= args.size()) return false;
      dest = args[++i];
      return true;
    };
    std::string v;
    if (arg == "--host") {
      if (!value(out.host)) return "--host needs a value";
    } else if (arg == "--port") {
      if (!value(v) || !parse_port(v, out.port)) return "--port needs a port number";
    } else if (arg == "--state-dir") {
      if (!value(out.state_dir)) return "--state-dir needs a folder";
    } else if (arg == "--ephemeral") {
      out.ephemeral = true;
    } else if (arg == "--log-level") {
      if (!value(out.log_level)) return "--log-level needs a level";
    } else if (arg == "--verify-signatures") {
      out.verify_signatures = true;
    } else if (arg == "--credentials") {
      if (!value(v)) return "--credentials needs AKID:SECRET pairs";
      if (auto err = parse_credentials(v, out.credentials); !err.empty()) return "--credentials: " + err;
    } else {
      return "unknown option " + arg;
    }
  }
  return "";
}

}  // namespace understudy::app
