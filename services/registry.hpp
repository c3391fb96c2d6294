#pragma once
// Builds every service the emulator serves, wired to the emulator's shared parts.
#include <memory>
#include <vector>

#include "emulator/core/service.hpp"
#include "emulator/state/clock.hpp"
#include "emulator/state/store.hpp"
#include "emulator/state/vault.hpp"

namespace understudy {

struct ServiceDeps {
  state::Store& store;
  state::Clock& clock;
  const state::Vault& vault;
};

std::vector<std::unique_ptr<Service>> make_services(ServiceDeps deps);

}  // namespace understudy
