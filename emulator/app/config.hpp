#pragma once
// Settings of `understudy serve`: flags, each with an UNDERSTUDY_* environment variable.
#include <map>
#include <string>
#include <vector>

namespace understudy::app {

struct Config {
  std::string host = "127.0.0.1";
  unsigned short port = 4566;
  std::string state_dir = "./.understudy";
  bool ephemeral = false;
  std::string log_level = "info";
  bool verify_signatures = false;
  std::map<std::string, std::string> credentials;  // access key id -> secret
};

// Environment first, then flags over it. Returns an error message, or "" on success.
std::string parse_config(const std::vector<std::string>& args, Config& out);
std::string config_usage();

}  // namespace understudy::app
