#pragma once
// The durable resource store: every resource of every service, keyed by account, region,
// service, type and id, as a JSON document in an embedded SQLite database (WAL). The
// dispatcher runs each API call inside one transaction, so a call that throws changes
// nothing and one that returned survives a kill -9.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/json.hpp"

struct sqlite3;

namespace understudy::state {

struct ResourceKey {
  std::string account;
  std::string region;
  std::string service;  // "secretsmanager"
  std::string type;     // "secret"
  std::string id;       // unique within account, region, service and type
};

struct StoredResource {
  ResourceKey key;
  Json body;
};

class Store {
 public:
  // `path` is a file, or ":memory:" for an ephemeral store.
  explicit Store(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  std::optional<Json> get(const ResourceKey& key);
  // Inserts or replaces. `due_at` (emulator clock seconds) asks the scheduler to call the
  // service's on_due for this resource once that time has come; nullopt clears it.
  void put(const ResourceKey& key, const Json& body, std::optional<double> due_at = std::nullopt);
  bool erase(const ResourceKey& key);
  // Resources of one type in one account and region, in the order they were created.
  std::vector<StoredResource> list(const std::string& account, const std::string& region,
                                   const std::string& service, const std::string& type);
  // The same type across every account and region (replication, admin views).
  std::vector<StoredResource> list_all(const std::string& service, const std::string& type);
  std::optional<double> due_at(const ResourceKey& key);
  // Resources whose due time has come, earliest first.
  std::vector<ResourceKey> due(double now);
  // Count of resources by service and type, for /_understudy/resources.
  Json summary();
  // Small settings of the emulator itself (the clock offset, ...).
  std::optional<std::string> setting(const std::string& name);
  void set_setting(const std::string& name, const std::string& value);
  void clear();

  // Runs `fn` in one transaction; commits if it returns, rolls back if it throws.
  // Nested calls join the outer transaction.
  template <class F>
  auto transaction(F&& fn) -> decltype(fn()) {
    begin();
    try {
      if constexpr (std::is_void_v<decltype(fn())>) {
        fn();
        commit();
      } else {
        auto result = fn();
        commit();
        return result;
      }
    } catch (...) {
      rollback();
      throw;
    }
  }

 private:
  void begin();
  void commit();
  void rollback();
  void exec(const char* sql);
  struct Statements;
  sqlite3* db_ = nullptr;
  std::unique_ptr<Statements> stmts_;
  int depth_ = 0;
};

}  // namespace understudy::state
