#include "emulator/state/store.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

namespace understudy::state {
namespace {

// A prepared statement, reset on scope exit so the next user finds it clean.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("sqlite prepare: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  sqlite3_stmt* get() { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class Bound {
 public:
  explicit Bound(Stmt& s) : s_(s.get()) {}
  ~Bound() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  Bound(const Bound&) = delete;
  Bound& operator=(const Bound&) = delete;
  Bound& text(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Bound& real(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Bound& null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  Bound& key(const ResourceKey& k) {
    return text(1, k.account).text(2, k.region).text(3, k.service).text(4, k.type).text(5, k.id);
  }
  bool step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(std::string("sqlite step: ") + sqlite3_errmsg(sqlite3_db_handle(s_)));
  }
  std::string column_text(int i) {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, i));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, i))) : std::string();
  }
  long long column_int(int i) { return sqlite3_column_int64(s_, i); }

 private:
  sqlite3_stmt* s_;
};

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS resources (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account TEXT NOT NULL, region TEXT NOT NULL, service TEXT NOT NULL, type TEXT NOT NULL, id TEXT NOT NULL,
  body TEXT NOT NULL,
  due_at REAL,
  UNIQUE (account, region, service, type, id));
CREATE INDEX IF NOT EXISTS resources_due ON resources(due_at) WHERE due_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql";

}  // namespace

struct Store::Statements {
  explicit Statements(sqlite3* db)
      : get(db, "SELECT body FROM resources WHERE account=?1 AND region=?2 AND service=?3 AND type=?4 AND id=?5"),
        put(db,
            "INSERT INTO resources(account, region, service, type, id, body, due_at) VALUES (?1,?2,?3,?4,?5,?6,?7) "
            "ON CONFLICT(account, region, service, type, id) DO UPDATE SET body=excluded.body, due_at=excluded.due_at"),
        due_at(db, "SELECT due_at FROM resources WHERE account=?1 AND region=?2 AND service=?3 AND type=?4 AND id=?5"),
        erase(db, "DELETE FROM resources WHERE account=?1 AND region=?2 AND service=?3 AND type=?4 AND id=?5"),
        list(db,
             "SELECT id, body FROM resources WHERE account=?1 AND region=?2 AND service=?3 AND type=?4 ORDER BY seq"),
        list_all(db, "SELECT account, region, id, body FROM resources WHERE service=?1 AND type=?2 ORDER BY seq"),
        due(db,
            "SELECT account, region, service, type, id FROM resources WHERE due_at IS NOT NULL AND due_at <= ?1 "
            "ORDER BY due_at"),
        summary(db, "SELECT service, type, count(*) FROM resources GROUP BY service, type ORDER BY service, type"),
        get_setting(db, "SELECT value FROM settings WHERE name=?1"),
        set_setting(db, "INSERT INTO settings(name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET "
                        "value=excluded.value"),
        begin(db, "BEGIN IMMEDIATE"),
        commit(db, "COMMIT"),
        rollback(db, "ROLLBACK") {}
  Stmt get, put, due_at, erase, list, list_all, due, summary, get_setting, set_setting, begin, commit, rollback;
};

Store::Store(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("cannot open state database " + path + ": " + message);
  }
  // WAL with synchronous=NORMAL: a committed transaction is in the OS's hands before
  // the call returns, so killing the process loses nothing that was acknowledged.
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");
  exec("PRAGMA busy_timeout=5000");
  exec(kSchema);
  stmts_ = std::make_unique<Statements>(db_);
}

Store::~Store() {
  stmts_.reset();
  sqlite3_close(db_);
}

void Store::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error("sqlite: " + message);
  }
}

void Store::begin() {
  if (depth_++ == 0) Bound(stmts_->begin).step();
}

void Store::commit() {
  if (--depth_ == 0) Bound(stmts_->commit).step();
}

void Store::rollback() {
  if (--depth_ == 0) Bound(stmts_->rollback).step();
}

std::optional<Json> Store::get(const ResourceKey& key) {
  Bound b(stmts_->get);
  b.key(key);
  if (!b.step()) return std::nullopt;
  return Json::parse(b.column_text(0));
}

void Store::put(const ResourceKey& key, const Json& body, std::optional<double> due_at) {
  Bound b(stmts_->put);
  b.key(key).text(6, body.dump());
  if (due_at) b.real(7, *due_at);
  else b.null(7);
  b.step();
}

std::optional<double> Store::due_at(const ResourceKey& key) {
  Bound b(stmts_->due_at);
  b.key(key);
  if (!b.step() || sqlite3_column_type(stmts_->due_at.get(), 0) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_double(stmts_->due_at.get(), 0);
}

bool Store::erase(const ResourceKey& key) {
  Bound b(stmts_->erase);
  b.key(key).step();
  return sqlite3_changes(db_) > 0;
}

std::vector<StoredResource> Store::list(const std::string& account, const std::string& region,
                                        const std::string& service, const std::string& type) {
  Bound b(stmts_->list);
  b.text(1, account).text(2, region).text(3, service).text(4, type);
  std::vector<StoredResource> out;
  while (b.step())
    out.push_back({ResourceKey{account, region, service, type, b.column_text(0)}, Json::parse(b.column_text(1))});
  return out;
}

std::vector<StoredResource> Store::list_all(const std::string& service, const std::string& type) {
  Bound b(stmts_->list_all);
  b.text(1, service).text(2, type);
  std::vector<StoredResource> out;
  while (b.step())
    out.push_back({ResourceKey{b.column_text(0), b.column_text(1), service, type, b.column_text(2)},
                   Json::parse(b.column_text(3))});
  return out;
}

std::vector<ResourceKey> Store::due(double now) {
  Bound b(stmts_->due);
  b.real(1, now);
  std::vector<ResourceKey> out;
  while (b.step())
    out.push_back({b.column_text(0), b.column_text(1), b.column_text(2), b.column_text(3), b.column_text(4)});
  return out;
}

Json Store::summary() {
  Bound b(stmts_->summary);
  Json out = Json::object();
  while (b.step()) out[b.column_text(0)][b.column_text(1)] = b.column_int(2);
  return out;
}

std::optional<std::string> Store::setting(const std::string& name) {
  Bound b(stmts_->get_setting);
  b.text(1, name);
  if (!b.step()) return std::nullopt;
  return b.column_text(0);
}

void Store::set_setting(const std::string& name, const std::string& value) {
  Bound b(stmts_->set_setting);
  b.text(1, name).text(2, value).step();
}

void Store::clear() {
  transaction([&] {
    exec("DELETE FROM resources");
    exec("DELETE FROM settings");
  });
}

}  // namespace understudy::state
