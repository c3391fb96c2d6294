#include "services/registry.hpp"

#include "services/ec2/ec2.hpp"
#include "services/iam/iam.hpp"
#include "services/kms/kms.hpp"
#include "services/secretsmanager/secretsmanager.hpp"
#include "services/sns/sns.hpp"
#include "services/sts/sts.hpp"

namespace understudy {

std::vector<std::unique_ptr<Service>> make_services(ServiceDeps deps) {
  std::vector<std::unique_ptr<Service>> out;
  out.push_back(std::make_unique<sts::Sts>(deps.store));
  out.push_back(std::make_unique<secretsmanager::SecretsManager>(deps.store, deps.clock, deps.vault));
  out.push_back(std::make_unique<ec2::Ec2>(deps.store, deps.clock));
  out.push_back(std::make_unique<iam::Iam>(deps.store, deps.clock));
  out.push_back(std::make_unique<kms::Kms>(deps.store, deps.clock));
  out.push_back(std::make_unique<sns::Sns>(deps.store, deps.clock));
  return out;
}

}  // namespace understudy
