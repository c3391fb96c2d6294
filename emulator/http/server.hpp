#pragma once
// The HTTP listener: Boost.Beast over Asio on one I/O thread. Owns the sockets, the
// signals that stop it, and the periodic tick that runs the scheduler.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "emulator/http/dispatcher.hpp"

namespace understudy::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 4566;
  std::size_t body_limit = 16 * 1024 * 1024;
  std::chrono::seconds idle_timeout{75};
  std::chrono::seconds request_timeout{60};
  std::chrono::seconds shutdown_grace{10};
};

class Server {
 public:
  // Binds the listening socket; throws std::system_error if it cannot.
  Server(ServerOptions options, Dispatcher& dispatcher);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short port() const;
  // Serves until SIGTERM or SIGINT, then lets in-flight requests finish (up to
  // shutdown_grace) and returns. `tick` runs on the I/O thread every `tick_interval`.
  void run(std::function<void()> tick, std::chrono::milliseconds tick_interval);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace understudy::http
