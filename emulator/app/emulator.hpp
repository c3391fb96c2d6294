#pragma once
// The whole emulator in one object: state, clock, services, the dispatcher and the
// listener, built from a Config and torn down in the right order.
#include <memory>
#include <vector>

#include "emulator/app/config.hpp"
#include "emulator/control/control_api.hpp"
#include "emulator/core/service.hpp"
#include "emulator/http/dispatcher.hpp"
#include "emulator/http/server.hpp"
#include "emulator/state/clock.hpp"
#include "emulator/state/scheduler.hpp"
#include "emulator/state/store.hpp"
#include "emulator/state/vault.hpp"

namespace understudy::app {

class Emulator {
 public:
  explicit Emulator(const Config& config);  // throws std::exception on a bad state dir or port
  ~Emulator();
  unsigned short port() const { return server_->port(); }
  // Serves until SIGTERM/SIGINT.
  void run();

 private:
  Config config_;
  std::unique_ptr<state::Store> store_;
  state::Clock clock_;
  std::unique_ptr<state::Vault> vault_;
  std::vector<std::unique_ptr<Service>> services_;
  std::unique_ptr<state::Scheduler> scheduler_;
  std::unique_ptr<control::ControlApi> control_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace understudy::app
