#include "emulator/state/clock.hpp"

#include <chrono>

namespace understudy::state {

double Clock::now() const {
  auto wall = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration<double>(wall).count() + offset_;
}

double Clock::advance(double seconds) {
  offset_ += seconds;
  return now();
}

}  // namespace understudy::state
