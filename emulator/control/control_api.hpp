#pragma once
// The emulator's own API under /_understudy/, and the paths of the peers that users'
// scripts already call (/_localstack/health, /moto-api/reset).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/service.hpp"
#include "emulator/protocol/http_message.hpp"
#include "emulator/state/clock.hpp"
#include "emulator/state/store.hpp"

namespace understudy::control {

class ControlApi {
 public:
  struct Hooks {
    std::function<void()> after_clock_moved;  // run what came due
  };

  ControlApi(state::Store& store, state::Clock& clock, const std::vector<std::unique_ptr<Service>>& services,
             Hooks hooks)
      : store_(store), clock_(clock), services_(services), hooks_(std::move(hooks)) {}

  // nullopt when the path is not the emulator's own.
  std::optional<protocol::HttpResponse> handle(const protocol::HttpRequest& request);

 private:
  protocol::HttpResponse health() const;
  protocol::HttpResponse localstack_health() const;
  protocol::HttpResponse reset();
  protocol::HttpResponse resources();
  protocol::HttpResponse clock(const protocol::HttpRequest& request);
  std::optional<protocol::HttpResponse> service_control(const protocol::HttpRequest& request, std::string_view rest);

  state::Store& store_;
  state::Clock& clock_;
  const std::vector<std::unique_ptr<Service>>& services_;
  Hooks hooks_;
};

}  // namespace understudy::control
