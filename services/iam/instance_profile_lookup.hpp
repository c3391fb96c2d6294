#pragma once
// Instance profiles by name, for the operations on them and for tagging.
#include <string>

#include "emulator/core/json.hpp"
#include "services/iam/repository.hpp"

namespace understudy::iam {

// NoSuchEntity "Instance Profile X cannot be found." when missing.
Json load_instance_profile(const Repository& repo, const std::string& name);
void save_instance_profile(Repository& repo, const Json& profile);
std::string instance_profile_name(const Json& input);

}  // namespace understudy::iam
