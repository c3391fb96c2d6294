#include "services/kms/key_lookup.hpp"

#include <cctype>

#include "emulator/state/arn.hpp"
#include "emulator/state/ids.hpp"
#include "services/kms/errors.hpp"
#include "services/kms/key_policy.hpp"

namespace understudy::kms {
namespace {

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool looks_like_key_id(const std::string& id) {
  if (id.starts_with("mrk-")) {
    if (id.size() != 36) return false;
    for (std::size_t i = 4; i < id.size(); ++i)
      if (!is_hex(id[i])) return false;
    return true;
  }
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? id[i] != '-' : !is_hex(id[i])) return false;
  }
  return true;
}

KeyRecord load_key(KeyRepository& repo, const std::string& account, const std::string& region,
                   const std::string& key_id) {
  if (!looks_like_key_id(key_id)) throw invalid_key_id(key_id);
  if (auto key = repo.load(account, region, key_id)) return *key;
  throw key_not_found(state::make_arn("kms", region, account, "key/" + key_id));
}

KeyRecord load_by_alias(KeyRepository& repo, const RequestContext& ctx, const std::string& account,
                        const std::string& region, const std::string& alias_name) {
  if (auto alias = repo.load_alias(account, region, alias_name)) {
    if (auto key = repo.load(account, region, alias->target_key_id)) return *key;
  } else if (is_aws_managed_alias(alias_name) && account == ctx.account && region == ctx.region) {
    return create_aws_managed_key(repo, ctx, alias_name);
  }
  throw alias_not_found(state::make_arn("kms", region, account, alias_name));
}

}  // namespace

KeyRecord find_key(KeyRepository& repo, const RequestContext& ctx, const std::string& key_id, KeyNaming naming) {
  const bool aliases = naming == KeyNaming::key_or_alias;
  if (key_id.starts_with("arn:")) {
    auto arn = state::Arn::parse(key_id);
    if (!arn || arn->service != "kms") throw invalid_key_id(key_id);
    if (arn->resource.starts_with("key/")) return load_key(repo, arn->account, arn->region, arn->resource.substr(4));
    if (aliases && arn->resource.starts_with("alias/"))
      return load_by_alias(repo, ctx, arn->account, arn->region, arn->resource);
    throw invalid_key_id(key_id);
  }
  if (key_id.starts_with("alias/")) {
    if (!aliases) throw invalid_key_id(key_id);
    return load_by_alias(repo, ctx, ctx.account, ctx.region, key_id);
  }
  return load_key(repo, ctx.account, ctx.region, key_id);
}

void require_enabled(const KeyRecord& key) {
  if (key.state == KeyState::disabled) throw key_disabled(key.arn());
  if (key.state == KeyState::pending_deletion) throw key_pending_deletion(key.arn());
}

void require_not_pending_deletion(const KeyRecord& key) {
  if (key.state == KeyState::pending_deletion) throw key_pending_deletion(key.arn());
}

bool is_aws_managed_alias(const std::string& alias_name) {
  constexpr std::string_view prefix = "alias/aws/";
  if (!alias_name.starts_with(prefix) || alias_name.size() == prefix.size()) return false;
  for (std::size_t i = prefix.size(); i < alias_name.size(); ++i) {
    const char c = alias_name[i];
    if (!std::islower(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '-')
      return false;
  }
  return true;
}

KeyRecord create_aws_managed_key(KeyRepository& repo, const RequestContext& ctx, const std::string& alias_name) {
  const std::string service = alias_name.substr(std::string_view("alias/aws/").size());
  KeyRecord key;
  key.account = ctx.account;
  key.region = ctx.region;
  key.key_id = new_key_id(false);
  key.creation_date = ctx.now;
  key.description = "Default key that protects my " + service + " data when no other key is defined";
  key.key_manager = "AWS";
  key.policy = aws_managed_key_policy(ctx.account, service);
  // AWS rotates its managed keys every year and does not let anyone stop it.
  key.rotation = {true, 365, ctx.now + 365.0 * 86400};
  key.materials.push_back(new_material());
  repo.save(key);
  repo.save_alias({ctx.account, ctx.region, alias_name, key.key_id, ctx.now, ctx.now});
  return key;
}

std::string new_key_id(bool multi_region) { return multi_region ? "mrk-" + state::random_hex(32) : state::uuid4(); }

}  // namespace understudy::kms
