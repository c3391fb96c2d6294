#pragma once
// KMS keys and aliases in the store: one document per key (id: the key id) and one per
// alias (id: its name, "alias/..."), in the key's account and region. Saving a key tells
// the scheduler when it is next due (end of its waiting period, or its next rotation).
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/request_context.hpp"
#include "emulator/state/store.hpp"
#include "services/kms/key_record.hpp"

namespace understudy::kms {

inline constexpr const char* kServiceName = "kms";
inline constexpr const char* kKeyType = "key";
inline constexpr const char* kAliasType = "alias";

struct AliasRecord {
  std::string account;
  std::string region;
  std::string name;  // "alias/..."
  std::string target_key_id;
  double creation_date = 0;
  double last_updated_date = 0;

  std::string arn() const;
  Json to_json() const;
  static AliasRecord from_json(const Json& doc, const std::string& account, const std::string& region);
  // ListAliases' AliasListEntry.
  Json list_entry() const;
};

class KeyRepository {
 public:
  explicit KeyRepository(state::Store& store) : store_(store) {}

  std::optional<KeyRecord> load(const std::string& account, const std::string& region, const std::string& key_id);
  std::vector<KeyRecord> list(const std::string& account, const std::string& region);
  void save(const KeyRecord& key);
  // Deletes the key and every alias that points at it, as AWS does at the end of the
  // waiting period.
  void erase(const KeyRecord& key);

  std::optional<AliasRecord> load_alias(const std::string& account, const std::string& region, const std::string& name);
  std::vector<AliasRecord> list_aliases(const std::string& account, const std::string& region);
  void save_alias(const AliasRecord& alias);
  void erase_alias(const AliasRecord& alias);

 private:
  state::Store& store_;
};

}  // namespace understudy::kms
