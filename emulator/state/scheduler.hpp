#pragma once
// Fires what has come due on the emulator's clock: each resource whose due time has
// passed is handed to its service's on_due, one store transaction each.
#include <memory>
#include <vector>

#include "emulator/core/service.hpp"
#include "emulator/state/clock.hpp"
#include "emulator/state/store.hpp"

namespace understudy::state {

class Scheduler {
 public:
  Scheduler(Store& store, const Clock& clock, const std::vector<std::unique_ptr<Service>>& services)
      : store_(store), clock_(clock), services_(services) {}
  // Returns how many resources were handed to their services.
  std::size_t run_due();

 private:
  Store& store_;
  const Clock& clock_;
  const std::vector<std::unique_ptr<Service>>& services_;
};

}  // namespace understudy::state
