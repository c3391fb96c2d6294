#include "services/registry.hpp"

#include "services/secretsmanager/secretsmanager.hpp"
#include "services/sts/sts.hpp"

namespace understudy {

std::vector<std::unique_ptr<Service>> make_services(ServiceDeps deps) {
  std::vector<std::unique_ptr<Service>> out;
  out.push_back(std::make_unique<sts::Sts>(deps.store));
  out.push_back(std::make_unique<secretsmanager::SecretsManager>(deps.store, deps.clock, deps.vault));
  return out;
}

}  // namespace understudy
