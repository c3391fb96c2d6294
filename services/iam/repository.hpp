#pragma once
// Where IAM keeps its resources: one account's documents in the store, under the
// region "global" (IAM has no regions). Names are unique in an account regardless of
// case, so a name-keyed resource's id is its lower-cased name.
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/json.hpp"
#include "emulator/core/request_context.hpp"
#include "emulator/state/store.hpp"

namespace understudy::iam {

inline constexpr const char* kRegion = "global";
inline constexpr const char* kRoleType = "role";
inline constexpr const char* kUserType = "user";
inline constexpr const char* kGroupType = "group";
inline constexpr const char* kPolicyType = "policy";
inline constexpr const char* kInstanceProfileType = "instance-profile";
inline constexpr const char* kOidcProviderType = "oidc-provider";
inline constexpr const char* kAccessKeyType = "access-key";
inline constexpr const char* kDeletionTaskType = "slr-deletion-task";

std::string lower(std::string text);

class Repository {
 public:
  Repository(state::Store& store, const RequestContext& ctx) : store_(store), account_(ctx.account) {}

  const std::string& account() const { return account_; }
  std::optional<Json> get(const std::string& type, const std::string& id) const;
  void put(const std::string& type, const std::string& id, const Json& body);
  bool erase(const std::string& type, const std::string& id);
  // In id order, which for name-keyed resources is IAM's alphabetical listing order.
  std::vector<Json> list(const std::string& type) const;

  // The ARN of a resource of this account: arn:aws:iam::ACCOUNT:<resource>.
  std::string arn(const std::string& resource) const;

 private:
  state::Store& store_;
  std::string account_;
};

}  // namespace understudy::iam
