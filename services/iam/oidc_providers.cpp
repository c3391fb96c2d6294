// OpenID Connect identity providers: the issuers (EKS clusters' among them) whose
// tokens AssumeRoleWithWebIdentity accepts.
#include <algorithm>
#include <cctype>

#include "emulator/state/arn.hpp"
#include "emulator/state/ids.hpp"
#include "emulator/state/tags.hpp"
#include "services/iam/errors.hpp"
#include "services/iam/iam.hpp"
#include "services/iam/oidc_lookup.hpp"

namespace understudy::iam {
namespace {

constexpr std::size_t kMaxThumbprints = 5;
constexpr std::size_t kMaxClientIds = 100;
constexpr std::string_view kResourcePrefix = "oidc-provider/";

// The ARN's key: the issuer without its scheme or a trailing slash.
std::string provider_key(const std::string& url) {
  std::string key = url.substr(std::string_view("https://").size());
  while (!key.empty() && key.back() == '/') key.pop_back();
  return key;
}

void check_url(const std::string& url) {
  if (url.size() > 255 || !url.starts_with("https://") || provider_key(url).empty())
    throw validation_error("Invalid Open ID Connect Provider URL");
}

void check_thumbprints(const Json& thumbprints) {
  if (thumbprints.size() > kMaxThumbprints)
    throw limit_exceeded("Thumbprint list must contain fewer than " + std::to_string(kMaxThumbprints + 1) +
                         " entries.");
  Violations v;
  for (const Json& t : thumbprints) {
    const std::string text = t.get<std::string>();
    bool hex = text.size() == 40;
    for (unsigned char c : text) hex = hex && std::isxdigit(c);
    if (!hex) {
      v.add(thumbprints.dump(), "thumbprintList",
            "Member must satisfy constraint: [Member must have length less than or equal to 40, Member must have "
            "length greater than or equal to 40]");
      break;
    }
  }
  v.throw_if_any();
}

void check_client_ids(const Json& ids) {
  if (ids.size() > kMaxClientIds)
    throw limit_exceeded("Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: " + std::to_string(kMaxClientIds));
  for (const Json& id : ids)
    if (id.get<std::string>().empty() || id.get<std::string>().size() > 255) {
      Violations v;
      v.add(ids.dump(), "clientIDList", "Member must have length between 1 and 255");
      v.throw_if_any();
    }
}

Json unique(const Json& list) {
  Json out = Json::array();
  for (const Json& e : list)
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  return out;
}

}  // namespace

Json load_oidc_provider(const Repository& repo, const std::string& arn) {
  auto parsed = state::Arn::parse(arn);
  if (!parsed || parsed->service != "iam" || !parsed->resource.starts_with(kResourcePrefix))
    throw invalid_input("ARN " + arn + " is not valid.");
  std::optional<Json> provider;
  if (parsed->account == repo.account())
    provider = repo.get(kOidcProviderType, lower(parsed->resource.substr(kResourcePrefix.size())));
  if (!provider || (*provider)["Arn"] != arn) throw no_such_entity("OpenIDConnect Provider not found for arn " + arn);
  return *provider;
}

void save_oidc_provider(Repository& repo, const Json& provider) {
  repo.put(kOidcProviderType, lower(provider["Url"].get<std::string>()), provider);
}

Json Iam::CreateOpenIDConnectProvider(const Json& input, const RequestContext& ctx) {
  const std::string url = input["Url"];
  check_url(url);
  Json clients = unique(input.value("ClientIDList", Json::array()));
  check_client_ids(clients);
  Json thumbprints = input.value("ThumbprintList", Json::array());
  check_thumbprints(thumbprints);
  // IAM now fetches the issuer's certificate itself when no thumbprint is given; we
  // cannot reach the issuer, so we make one up of the right shape.
  if (thumbprints.empty()) thumbprints.push_back(state::random_hex(40));
  state::validate_tags(input.value("Tags", Json::array()), "ValidationError");

  Repository repo(store_, ctx);
  const std::string key = provider_key(url);
  if (repo.get(kOidcProviderType, lower(key)))
    throw entity_already_exists("Provider with url " + url + " already exists.");
  Json provider = {{"Url", key},
                   {"Arn", repo.arn(std::string(kResourcePrefix) + key)},
                   {"ClientIDList", clients},
                   {"ThumbprintList", thumbprints},
                   {"CreateDate", ctx.now},
                   {"Tags", input.value("Tags", Json::array())}};
  save_oidc_provider(repo, provider);
  Json out = {{"OpenIDConnectProviderArn", provider["Arn"]}};
  if (!provider["Tags"].empty()) out["Tags"] = provider["Tags"];
  return out;
}

Json Iam::GetOpenIDConnectProvider(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  Json provider = load_oidc_provider(repo, input["OpenIDConnectProviderArn"]);
  Json out = {{"Url", provider["Url"]},
              {"ClientIDList", provider["ClientIDList"]},
              {"ThumbprintList", provider["ThumbprintList"]},
              {"CreateDate", provider["CreateDate"]}};
  if (!provider.value("Tags", Json::array()).empty()) out["Tags"] = provider["Tags"];
  return out;
}

Json Iam::ListOpenIDConnectProviders(const Json&, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  Json list = Json::array();
  for (const Json& p : repo.list(kOidcProviderType)) list.push_back({{"Arn", p["Arn"]}});
  return {{"OpenIDConnectProviderList", list}};
}

Json Iam::DeleteOpenIDConnectProvider(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  Json provider = load_oidc_provider(repo, input["OpenIDConnectProviderArn"]);
  repo.erase(kOidcProviderType, lower(provider["Url"].get<std::string>()));
  return Json::object();
}

Json Iam::AddClientIDToOpenIDConnectProvider(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  Json provider = load_oidc_provider(repo, input["OpenIDConnectProviderArn"]);
  Json clients = provider["ClientIDList"];
  clients.push_back(input["ClientID"]);
  clients = unique(clients);
  check_client_ids(clients);
  provider["ClientIDList"] = clients;
  save_oidc_provider(repo, provider);
  return Json::object();
}

Json Iam::RemoveClientIDFromOpenIDConnectProvider(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  Json provider = load_oidc_provider(repo, input["OpenIDConnectProviderArn"]);
  Json kept = Json::array();
  for (const Json& c : provider["ClientIDList"])
    if (c != input["ClientID"]) kept.push_back(c);
  provider["ClientIDList"] = kept;
  save_oidc_provider(repo, provider);
  return Json::object();
}

Json Iam::UpdateOpenIDConnectProviderThumbprint(const Json& input, const RequestContext& ctx) {
  Repository repo(store_, ctx);
  Json provider = load_oidc_provider(repo, input["OpenIDConnectProviderArn"]);
  Json thumbprints = input.value("ThumbprintList", Json::array());
  check_thumbprints(thumbprints);
  provider["ThumbprintList"] = thumbprints;
  save_oidc_provider(repo, provider);
  return Json::object();
}

}  // namespace understudy::iam
