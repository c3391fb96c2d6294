// Tags on roles, managed policies, instance profiles, OIDC providers and users: the same
// three operations for each, over whichever stored body the input names.
#include <functional>

#include "emulator/state/tags.hpp"
#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/instance_profile_lookup.hpp"
#include "services/iam/oidc_lookup.hpp"
#include "services/iam/paging.hpp"
#include "services/iam/policy_lookup.hpp"
#include "services/iam/principals.hpp"

namespace understudy::iam {
namespace {

struct Tagged {
  std::function<Json(const Repository&, const Json&)> load;
  std::function<void(Repository&, const Json&)> save;
  std::string listing;  // names the resource in its ListXTags markers
};

Tagged role_tags() {
  return {[](const Repository& repo, const Json& input) {
            return load_principal(repo, kRoleKind, principal_name(input, kRoleKind));
          },
          [](Repository& repo, const Json& body) { save_principal(repo, kRoleKind, body); }, "role"};
}

Tagged user_tags() {
  return {[](const Repository& repo, const Json& input) {
            return load_principal(repo, kUserKind, principal_name(input, kUserKind));
          },
          [](Repository& repo, const Json& body) { save_principal(repo, kUserKind, body); }, "user"};
}

Tagged policy_tags() {
  return {[](const Repository& repo, const Json& input) { return load_customer_policy(repo, input["PolicyArn"]); },
          [](Repository& repo, const Json& body) { save_customer_policy(repo, body); }, "policy"};
}

Tagged profile_tags() {
  return {[](const Repository& repo, const Json& input) {
            return load_instance_profile(repo, instance_profile_name(input));
          },
          [](Repository& repo, const Json& body) { save_instance_profile(repo, body); }, "instance-profile"};
}

Tagged oidc_tags() {
  return {[](const Repository& repo, const Json& input) {
            return load_oidc_provider(repo, input["OpenIDConnectProviderArn"]);
          },
          [](Repository& repo, const Json& body) { save_oidc_provider(repo, body); }, "oidc-provider"};
}

Json tag(state::Store& store, const RequestContext& ctx, const Tagged& tagged, const Json& input) {
  Repository repo(store, ctx);
  Json body = tagged.load(repo, input);
  const Json added = input.value("Tags", Json::array());
  state::validate_tags(added, "ValidationError");
  body["Tags"] = state::merge_tags(body.value("Tags", Json::array()), added, "LimitExceeded");
  tagged.save(repo, body);
  return Json::object();
}

Json untag(state::Store& store, const RequestContext& ctx, const Tagged& tagged, const Json& input) {
  Repository repo(store, ctx);
  Json body = tagged.load(repo, input);
  body["Tags"] = state::remove_tag_keys(body.value("Tags", Json::array()), input.value("TagKeys", Json::array()));
  tagged.save(repo, body);
  return Json::object();
}

Json list_tags(state::Store& store, const RequestContext& ctx, const Tagged& tagged, const Json& input) {
  Repository repo(store, ctx);
  Json body = tagged.load(repo, input);
  std::vector<Json> tags;
  for (const Json& t : body.value("Tags", Json::array())) tags.push_back(t);
  return page(input, std::move(tags), "Tags", "ListTags|" + tagged.listing + "|" + body.value("Arn", ""));
}

}  // namespace

Json Iam::TagRole(const Json& input, const RequestContext& ctx) { return tag(store_, ctx, role_tags(), input); }
Json Iam::UntagRole(const Json& input, const RequestContext& ctx) { return untag(store_, ctx, role_tags(), input); }
Json Iam::ListRoleTags(const Json& input, const RequestContext& ctx) {
  return list_tags(store_, ctx, role_tags(), input);
}
Json Iam::TagPolicy(const Json& input, const RequestContext& ctx) { return tag(store_, ctx, policy_tags(), input); }
Json Iam::UntagPolicy(const Json& input, const RequestContext& ctx) { return untag(store_, ctx, policy_tags(), input); }
Json Iam::ListPolicyTags(const Json& input, const RequestContext& ctx) {
  return list_tags(store_, ctx, policy_tags(), input);
}
Json Iam::TagInstanceProfile(const Json& input, const RequestContext& ctx) {
  return tag(store_, ctx, profile_tags(), input);
}
Json Iam::UntagInstanceProfile(const Json& input, const RequestContext& ctx) {
  return untag(store_, ctx, profile_tags(), input);
}
Json Iam::ListInstanceProfileTags(const Json& input, const RequestContext& ctx) {
  return list_tags(store_, ctx, profile_tags(), input);
}
Json Iam::TagOpenIDConnectProvider(const Json& input, const RequestContext& ctx) {
  return tag(store_, ctx, oidc_tags(), input);
}
Json Iam::UntagOpenIDConnectProvider(const Json& input, const RequestContext& ctx) {
  return untag(store_, ctx, oidc_tags(), input);
}
Json Iam::ListOpenIDConnectProviderTags(const Json& input, const RequestContext& ctx) {
  return list_tags(store_, ctx, oidc_tags(), input);
}
Json Iam::TagUser(const Json& input, const RequestContext& ctx) { return tag(store_, ctx, user_tags(), input); }
Json Iam::UntagUser(const Json& input, const RequestContext& ctx) { return untag(store_, ctx, user_tags(), input); }
Json Iam::ListUserTags(const Json& input, const RequestContext& ctx) {
  return list_tags(store_, ctx, user_tags(), input);
}

}  // namespace understudy::iam
