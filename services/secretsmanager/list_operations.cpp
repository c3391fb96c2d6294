// ListSecrets: the secrets of a region, filtered, sorted and paged.
#include "services/secretsmanager/list_filters.hpp"
#include "services/secretsmanager/paging.hpp"
#include "services/secretsmanager/secret_view.hpp"
#include "services/secretsmanager/secretsmanager.hpp"

namespace understudy::secretsmanager {

Json SecretsManager::ListSecrets(const Json& input, const RequestContext& ctx) {
  const bool include_planned_deletion = input.value("IncludePlannedDeletion", false);
  const Json filters = input.contains("Filters") && !input["Filters"].is_null() ? input["Filters"] : Json::array();
  validate_filters(filters);
  const auto sort_by = input.value("SortBy", std::string("created-date"));
  const auto sort_order = input.value("SortOrder", std::string("asc"));

  std::vector<SecretRecord> secrets;
  for (auto& s : repo_.list(ctx.account, ctx.region, ctx.now))
    if ((include_planned_deletion || !s.scheduled_for_deletion()) && matches_filters(s, filters))
      secrets.push_back(std::move(s));
  sort_secrets(secrets, sort_by, sort_order);

  const Json query = {{"filters", filters}, {"deleted", include_planned_deletion}, {"by", sort_by}, {"order", sort_order}};
  const auto page = page_of(secrets.size(), input, 100, "ListSecrets:" + query.dump());
  Json list = Json::array();
  for (std::size_t i = page.begin; i < page.end; ++i) list.push_back(list_entry(secrets[i]));
  Json out = {{"SecretList", std::move(list)}};
  if (page.next_token) out["NextToken"] = *page.next_token;
  return out;
}

}  // namespace understudy::secretsmanager
