#pragma once
// AWS Identity and Access Management: roles, managed and inline policies, instance
// profiles, OpenID Connect providers, service-linked roles, users, groups and access
// keys. IAM is global: everything lives under the region "global" of its account. The
// AWS-managed policies are the same for every account and are not stored.
#include <span>

#include "emulator/core/service.hpp"
#include "emulator/state/clock.hpp"
#include "emulator/state/store.hpp"

namespace understudy::iam {

class Iam : public ServiceWithOperations<Iam> {
 public:
  Iam(state::Store& store, state::Clock& clock) : store_(store), clock_(clock) {}
  std::string_view model_name() const override { return "iam"; }
  static std::span<const Entry> operations();

  // roles.cpp
  Json CreateRole(const Json& input, const RequestContext& ctx);
  Json GetRole(const Json& input, const RequestContext& ctx);
  Json ListRoles(const Json& input, const RequestContext& ctx);
  Json UpdateRole(const Json& input, const RequestContext& ctx);
  Json UpdateRoleDescription(const Json& input, const RequestContext& ctx);
  Json UpdateAssumeRolePolicy(const Json& input, const RequestContext& ctx);
  Json PutRolePermissionsBoundary(const Json& input, const RequestContext& ctx);
  Json DeleteRolePermissionsBoundary(const Json& input, const RequestContext& ctx);
  Json DeleteRole(const Json& input, const RequestContext& ctx);

  // service_linked_roles.cpp
  Json CreateServiceLinkedRole(const Json& input, const RequestContext& ctx);
  Json DeleteServiceLinkedRole(const Json& input, const RequestContext& ctx);
  Json GetServiceLinkedRoleDeletionStatus(const Json& input, const RequestContext& ctx);

  // managed_policies.cpp
  Json CreatePolicy(const Json& input, const RequestContext& ctx);
  Json GetPolicy(const Json& input, const RequestContext& ctx);
  Json ListPolicies(const Json& input, const RequestContext& ctx);
  Json DeletePolicy(const Json& input, const RequestContext& ctx);
  Json ListEntitiesForPolicy(const Json& input, const RequestContext& ctx);

  // policy_versions.cpp
  Json CreatePolicyVersion(const Json& input, const RequestContext& ctx);
  Json GetPolicyVersion(const Json& input, const RequestContext& ctx);
  Json ListPolicyVersions(const Json& input, const RequestContext& ctx);
  Json DeletePolicyVersion(const Json& input, const RequestContext& ctx);
  Json SetDefaultPolicyVersion(const Json& input, const RequestContext& ctx);

  // attachments.cpp
  Json AttachRolePolicy(const Json& input, const RequestContext& ctx);
  Json DetachRolePolicy(const Json& input, const RequestContext& ctx);
  Json ListAttachedRolePolicies(const Json& input, const RequestContext& ctx);
  Json AttachUserPolicy(const Json& input, const RequestContext& ctx);
  Json DetachUserPolicy(const Json& input, const RequestContext& ctx);
  Json ListAttachedUserPolicies(const Json& input, const RequestContext& ctx);
  Json AttachGroupPolicy(const Json& input, const RequestContext& ctx);
  Json DetachGroupPolicy(const Json& input, const RequestContext& ctx);
  Json ListAttachedGroupPolicies(const Json& input, const RequestContext& ctx);

  // inline_policies.cpp
  Json PutRolePolicy(const Json& input, const RequestContext& ctx);
  Json GetRolePolicy(const Json& input, const RequestContext& ctx);
  Json ListRolePolicies(const Json& input, const RequestContext& ctx);
  Json DeleteRolePolicy(const Json& input, const RequestContext& ctx);
  Json PutUserPolicy(const Json& input, const RequestContext& ctx);
  Json GetUserPolicy(const Json& input, const RequestContext& ctx);
  Json ListUserPolicies(const Json& input, const RequestContext& ctx);
  Json DeleteUserPolicy(const Json& input, const RequestContext& ctx);
  Json PutGroupPolicy(const Json& input, const RequestContext& ctx);
  Json GetGroupPolicy(const Json& input, const RequestContext& ctx);
  Json ListGroupPolicies(const Json& input, const RequestContext& ctx);
  Json DeleteGroupPolicy(const Json& input, const RequestContext& ctx);

  // instance_profiles.cpp
  Json CreateInstanceProfile(const Json& input, const RequestContext& ctx);
  Json GetInstanceProfile(const Json& input, const RequestContext& ctx);
  Json ListInstanceProfiles(const Json& input, const RequestContext& ctx);
  Json DeleteInstanceProfile(const Json& input, const RequestContext& ctx);
  Json AddRoleToInstanceProfile(const Json& input, const RequestContext& ctx);
  Json RemoveRoleFromInstanceProfile(const Json& input, const RequestContext& ctx);
  Json ListInstanceProfilesForRole(const Json& input, const RequestContext& ctx);

  // oidc_providers.cpp
  Json CreateOpenIDConnectProvider(const Json& input, const RequestContext& ctx);
  Json GetOpenIDConnectProvider(const Json& input, const RequestContext& ctx);
  Json ListOpenIDConnectProviders(const Json& input, const RequestContext& ctx);
  Json DeleteOpenIDConnectProvider(const Json& input, const RequestContext& ctx);
  Json AddClientIDToOpenIDConnectProvider(const Json& input, const RequestContext& ctx);
  Json RemoveClientIDFromOpenIDConnectProvider(const Json& input, const RequestContext& ctx);
  Json UpdateOpenIDConnectProviderThumbprint(const Json& input, const RequestContext& ctx);

  // tagging.cpp
  Json TagRole(const Json& input, const RequestContext& ctx);
  Json UntagRole(const Json& input, const RequestContext& ctx);
  Json ListRoleTags(const Json& input, const RequestContext& ctx);
  Json TagPolicy(const Json& input, const RequestContext& ctx);
  Json UntagPolicy(const Json& input, const RequestContext& ctx);
  Json ListPolicyTags(const Json& input, const RequestContext& ctx);
  Json TagInstanceProfile(const Json& input, const RequestContext& ctx);
  Json UntagInstanceProfile(const Json& input, const RequestContext& ctx);
  Json ListInstanceProfileTags(const Json& input, const RequestContext& ctx);
  Json TagOpenIDConnectProvider(const Json& input, const RequestContext& ctx);
  Json UntagOpenIDConnectProvider(const Json& input, const RequestContext& ctx);
  Json ListOpenIDConnectProviderTags(const Json& input, const RequestContext& ctx);
  Json TagUser(const Json& input, const RequestContext& ctx);
  Json UntagUser(const Json& input, const RequestContext& ctx);
  Json ListUserTags(const Json& input, const RequestContext& ctx);

  // users.cpp
  Json CreateUser(const Json& input, const RequestContext& ctx);
  Json GetUser(const Json& input, const RequestContext& ctx);
  Json ListUsers(const Json& input, const RequestContext& ctx);
  Json UpdateUser(const Json& input, const RequestContext& ctx);
  Json DeleteUser(const Json& input, const RequestContext& ctx);

  // groups.cpp
  Json CreateGroup(const Json& input, const RequestContext& ctx);
  Json GetGroup(const Json& input, const RequestContext& ctx);
  Json ListGroups(const Json& input, const RequestContext& ctx);
  Json DeleteGroup(const Json& input, const RequestContext& ctx);
  Json AddUserToGroup(const Json& input, const RequestContext& ctx);
  Json RemoveUserFromGroup(const Json& input, const RequestContext& ctx);
  Json ListGroupsForUser(const Json& input, const RequestContext& ctx);

  // access_keys.cpp
  Json CreateAccessKey(const Json& input, const RequestContext& ctx);
  Json ListAccessKeys(const Json& input, const RequestContext& ctx);
  Json UpdateAccessKey(const Json& input, const RequestContext& ctx);
  Json DeleteAccessKey(const Json& input, const RequestContext& ctx);

 private:
  state::Store& store_;
  state::Clock& clock_;
};

}  // namespace understudy::iam
