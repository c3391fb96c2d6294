// understudy: serve | status | --version
#include <iostream>
#include <string>
#include <vector>

#include "emulator/app/config.hpp"
#include "emulator/app/emulator.hpp"
#include "emulator/app/status.hpp"
#include "emulator/core/log.hpp"
#include "emulator/core/version.hpp"

using namespace understudy;

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::string command = args.empty() ? "serve" : args.front();
  if (!args.empty()) args.erase(args.begin());

  if (command == "--version" || command == "version") {
    std::cout << "understudy " << kVersion << "\n";
    return 0;
  }
  if (command == "--help" || command == "help" || command == "-h") {
    std::cout << "understudy serve | status | --version\n\n" << app::config_usage();
    return 0;
  }
  app::Config config;
  if (auto err = app::parse_config(args, config); !err.empty()) {
    std::cerr << "understudy: " << err << "\n" << app::config_usage();
    return 2;
  }
  if (command == "status") return app::print_status(config.host, config.port);
  if (command != "serve") {
    std::cerr << "understudy: unknown command " << command << "\n" << app::config_usage();
    return 2;
  }
  log::Level level;
  if (!log::parse_level(config.log_level, level)) {
    std::cerr << "understudy: unknown log level " << config.log_level << "\n";
    return 2;
  }
  log::set_level(level);
  try {
    app::Emulator emulator(config);
    emulator.run();
  } catch (const std::exception& e) {
    std::cerr << "understudy: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
