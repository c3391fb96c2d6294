// Access keys of IAM users: at most two a user, the secret shown only once.
#include "emulator/state/ids.hpp"
#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/paging.hpp"
#include "services/iam/principals.hpp"

namespace understudy::iam {
namespace {

constexpr std::size_t kMaxKeysPerUser = 2;

// The user a key operation is about: the named one, or the caller's own.
Json owner(const Repository& repo, const Json& input, const RequestContext& ctx) {
  if (input.contains("UserName")) return load_principal(repo, kUserKind, principal_name(input, kUserKind));
  if (auto key = repo.get(kAccessKeyType, ctx.access_key_id))
    return load_principal(repo, kUserKind, (*key)["UserName"]);
  throw validation_error("Must specify userName when calling with non-User credentials");
}

std::vector<Json> keys_of(const Repository& repo, const std::string& user) {
  std::vector<Json> keys;
  for (const Json& k : repo.list(kAccessKeyType))
    if (lower(k["UserName"].get<std::string>()) == lower(user)) keys.push_back(k);
  return keys;
}

Json load_key(const Repository& repo, const Json& user, const std::string& key_id) {
  auto key = repo.get(kAccessKeyType, key_id);
  if (!key || lower((*key)["UserName"].get<std::string>()) != lower(user["UserName"].get<std::string>()))
    throw no_such_entity("The Access Key with id " + key_id + " cannot be found.");
  return *key;
}

}  // namespace

Json Iam::CreateAccessKey(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  Json user = owner(repo, input, ctx);
  const std::string name = user["UserName"];
  if (keys_of(repo, name).size() >= kMaxKeysPerUser)
    throw limit_exceeded("Cannot exceed quota for AccessKeysPerUser: " + std::to_string(kMaxKeysPerUser));
  Json key = {{"UserName", name},
              {"AccessKeyId", "AKIA" + state::random_upper_alnum(16)},
              {"SecretAccessKey", state::random_alnum(40)},
              {"Status", "Active"},
              {"CreateDate", ctx.now}};
  repo.put(kAccessKeyType, key["AccessKeyId"], key);
  return {{"AccessKey", key}};
}

Json Iam::ListAccessKeys(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  Json user = owner(repo, input, ctx);
  std::vector<Json> keys;
  for (Json k : keys_of(repo, user["UserName"])) {
    k.erase("SecretAccessKey");
    keys.push_back(std::move(k));
  }
  Json out = page(input, std::move(keys), "AccessKeyMetadata", "ListAccessKeys|" + lower(user["UserName"]));
  return out;
}

Json Iam::UpdateAccessKey(const Json& input, const RequestContext& ctx) {
  const std::string status = input.value("Status", "");
  if (status != "Active" && status != "Inactive") {
    Violations v;
    v.add(status, "status", "Member must satisfy enum value set: [Active, Inactive]");
    v.throw_if_any();
  }
  Repository repo(store_, ctx);
  Json user = owner(repo, input, ctx);
  Json key = load_key(repo, user, input["AccessKeyId"]);
  key["Status"] = status;
  repo.put(kAccessKeyType, key["AccessKeyId"], key);
  return Json::object();
}

Json Iam::DeleteAccessKey(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  Json user = owner(repo, input, ctx);
  Json key = load_key(repo, user, input["AccessKeyId"]);
  repo.erase(kAccessKeyType, key["AccessKeyId"]);
  return Json::object();
}

}  // namespace understudy::iam
