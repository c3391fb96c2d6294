#include "services/iam/principals.hpp"

#include "emulator/state/ids.hpp"
#include "services/iam/errors.hpp"
#include "services/iam/validation.hpp"

namespace understudy::iam {

Json load_principal(const Repository& repo, const PrincipalKind& kind, const std::string& name) {
  auto body = repo.get(kind.type, lower(name));
  if (!body) throw no_such_entity("The " + std::string(kind.noun) + " with name " + name + " cannot be found.");
  return *body;
}

void save_principal(Repository& repo, const PrincipalKind& kind, const Json& body) {
  repo.put(kind.type, lower(body[kind.name_member].get<std::string>()), body);
}

std::string principal_name(const Json& input, const PrincipalKind& kind) {
  require_name(input, kind.name_member, kind.max_name_length);
  return input.value(kind.name_member, "");
}

std::string unique_id(const std::string& prefix) { return prefix + state::random_upper_alnum(17); }

}  // namespace understudy::iam
