#include <cctype>

#include "emulator/state/arn.hpp"
#include "services/kms/errors.hpp"
#include "services/kms/key_lookup.hpp"
#include "services/kms/kms.hpp"
#include "services/kms/paging.hpp"

namespace understudy::kms {
namespace {

// The rules for a name a customer gives an alias: "alias/" then letters, digits, "/",
// "_" and "-", at most 256 characters, and not in AWS's own alias/aws/ space.
void validate_alias_name(const std::string& name) {
  if (!name.starts_with("alias/") || name.size() == 6)
    throw invalid_alias_name("Alias must start with the prefix \"alias/\" followed by a name: '" + name + "'.");
  if (name.size() > 256) throw invalid_alias_name("Alias name must be at most 256 characters long.");
  for (char c : name) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-';
    if (!ok)
      throw invalid_alias_name("Alias name '" + name +
                               "' contains characters that are not allowed: use letters, digits, '/', '_' and '-'.");
  }
  if (name.starts_with("alias/aws/"))
    throw invalid_alias_name("Alias names starting with alias/aws/ are reserved for AWS managed keys: '" + name + "'.");
}

AliasRecord existing_alias(KeyRepository& repo, const RequestContext& ctx, const std::string& name) {
  if (auto alias = repo.load_alias(ctx.account, ctx.region, name)) return *alias;
  throw alias_not_found(state::make_arn("kms", ctx.region, ctx.account, name));
}

// An alias names a customer managed key, never another alias.
KeyRecord alias_target(KeyRepository& repo, const RequestContext& ctx, const std::string& target) {
  if (target.starts_with("alias/") || (target.starts_with("arn:") && target.find(":alias/") != std::string::npos))
    throw validation_error("Aliases must refer to keys. Not aliases");
  KeyRecord key = find_key(repo, ctx, target, KeyNaming::key_only);
  require_not_pending_deletion(key);
  if (key.aws_managed())
    throw unsupported_operation(key.arn() + " is an AWS managed key; an alias cannot point at it.");
  return key;
}

}  // namespace

Json Kms::CreateAlias(const Json& input, const RequestContext& ctx) {
  const std::string name = input.value("AliasName", "");
  validate_alias_name(name);
  const KeyRecord key = alias_target(repo_, ctx, input.value("TargetKeyId", ""));
  if (auto existing = repo_.load_alias(ctx.account, ctx.region, name))
    throw already_exists("An alias with the name " + existing->arn() + " already exists");
  repo_.save_alias({ctx.account, ctx.region, name, key.key_id, ctx.now, ctx.now});
  return Json::object();
}

Json Kms::UpdateAlias(const Json& input, const RequestContext& ctx) {
  const std::string name = input.value("AliasName", "");
  if (name.starts_with("alias/aws/"))
    throw invalid_alias_name("Alias names starting with alias/aws/ are reserved for AWS managed keys: '" + name + "'.");
  AliasRecord alias = existing_alias(repo_, ctx, name);
  const KeyRecord key = alias_target(repo_, ctx, input.value("TargetKeyId", ""));
  if (auto current = repo_.load(ctx.account, ctx.region, alias.target_key_id)) {
    if (current->key_usage != key.key_usage || current->symmetric() != key.symmetric())
      throw validation_error("The new target key " + key.arn() + " must have the same key type and key usage (" +
                             current->key_spec + ", " + current->key_usage + ") as the alias's current key.");
  }
  alias.target_key_id = key.key_id;
  alias.last_updated_date = ctx.now;
  repo_.save_alias(alias);
  return Json::object();
}

Json Kms::DeleteAlias(const Json& input, const RequestContext& ctx) {
  const std::string name = input.value("AliasName", "");
  if (name.starts_with("alias/aws/"))
    throw invalid_alias_name("Alias names starting with alias/aws/ are reserved for AWS managed keys: '" + name + "'.");
  repo_.erase_alias(existing_alias(repo_, ctx, name));
  return Json::object();
}

Json Kms::ListAliases(const Json& input, const RequestContext& ctx) {
  std::string filter;
  if (input.contains("KeyId")) filter = find_key(repo_, ctx, input["KeyId"], KeyNaming::key_only).key_id;
  Json items = Json::array();
  for (const auto& alias : repo_.list_aliases(ctx.account, ctx.region))
    if (filter.empty() || alias.target_key_id == filter) items.push_back(alias.list_entry());
  return page_of(items, input, "Aliases", "ListAliases:" + filter, 100, 50);
}

}  // namespace understudy::kms
