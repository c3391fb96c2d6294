#include "emulator/state/scheduler.hpp"

#include "emulator/core/log.hpp"

namespace understudy::state {

std::size_t Scheduler::run_due() {
  const double now = clock_.now();
  std::size_t fired = 0;
  for (const ResourceKey& key : store_.due(now)) {
    Service* owner = nullptr;
    for (const auto& s : services_)
      if (s->model_name() == key.service) owner = s.get();
    try {
      store_.transaction([&] {
        if (owner) owner->on_due(key.account, key.region, key.type, key.id, now);
        // A service that neither rescheduled nor deleted the resource has handled it.
        if (auto due = store_.due_at(key); due && *due <= now)
          if (auto body = store_.get(key)) store_.put(key, *body);
      });
      ++fired;
    } catch (const std::exception& e) {
      // Leave it due: the next tick tries again, and the log says why.
      log::error("scheduler: " + key.service + " " + key.type + " " + key.id + ": " + e.what());
    }
  }
  return fired;
}

}  // namespace understudy::state
