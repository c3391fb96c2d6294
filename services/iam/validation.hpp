#pragma once
// IAM's constraints on names, paths and numbers, checked before anything is stored.
// The model tables do not carry them, so each operation names what it takes.
#include <string>

#include "emulator/core/json.hpp"
#include "services/iam/errors.hpp"

namespace understudy::iam {

// `member` is the wire name ("RoleName"); messages name it in AWS's lowerCamel.
// Absent optional members are not checked.
void check_name(Violations& v, const Json& input, const std::string& member, std::size_t max_length);
void check_path(Violations& v, const Json& input, const std::string& member = "Path");
void check_path_prefix(Violations& v, const Json& input);
void check_description(Violations& v, const Json& input, std::size_t max_length = 1000);
void check_range(Violations& v, const Json& input, const std::string& member, long long min, long long max);

// The same, for one operation whose only constraint is a name: throws at once.
void require_name(const Json& input, const std::string& member, std::size_t max_length);

}  // namespace understudy::iam
