#pragma once
// EC2 resources of one account and region in the store. Each is kept as the JSON its
// Describe call answers (the model's member names), so describing is filtering; members
// whose names start with '_' are our own bookkeeping, which the wire never shows.
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/json.hpp"
#include "emulator/state/store.hpp"
#include "services/ec2/kinds.hpp"

namespace understudy::ec2 {

inline constexpr const char* kServiceName = "ec2";

class Resources {
 public:
  Resources(state::Store& store, std::string account, std::string region)
      : store_(store), account_(std::move(account)), region_(std::move(region)) {}

  const std::string& account() const { return account_; }
  const std::string& region() const { return region_; }
  state::Store& store() { return store_; }

  std::optional<Json> find(const Kind& kind, const std::string& id);
  // Throws the kind's NotFound error.
  Json get(const Kind& kind, const std::string& id);
  void put(const Kind& kind, const Json& resource, std::optional<double> due_at = std::nullopt);
  void erase(const Kind& kind, const std::string& id);
  std::vector<Json> list(const Kind& kind);
  // Resources of a kind whose `member` equals `value` ("VpcId" = "vpc-1").
  std::vector<Json> list_where(const Kind& kind, const std::string& member, const std::string& value);

  // Our own small documents (the account's defaults, ...), outside every kind.
  std::optional<Json> find_other(const std::string& type, const std::string& id);
  void put_other(const std::string& type, const std::string& id, const Json& body);

 private:
  state::ResourceKey key(std::string_view type, const std::string& id) const;
  state::Store& store_;
  std::string account_;
  std::string region_;
};

}  // namespace understudy::ec2
