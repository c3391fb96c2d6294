#include "emulator/app/emulator.hpp"

#include <filesystem>

#include "emulator/core/log.hpp"
#include "services/registry.hpp"
#include "services/sts/credentials.hpp"

namespace understudy::app {

Emulator::Emulator(const Config& config) : config_(config) {
  std::string db_path = ":memory:";
  std::string vault_dir;
  if (!config_.ephemeral) {
    std::filesystem::create_directories(config_.state_dir);
    std::filesystem::permissions(config_.state_dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace);
    db_path = config_.state_dir + "/state.db";
    vault_dir = config_.state_dir;
  }
  store_ = std::make_unique<state::Store>(db_path);
  if (auto offset = store_->setting("clock_offset")) clock_.set_offset(std::stod(*offset));
  vault_ = std::make_unique<state::Vault>(vault_dir);
  services_ = make_services(ServiceDeps{*store_, clock_, *vault_});
  scheduler_ = std::make_unique<state::Scheduler>(*store_, clock_, services_);
  control_ = std::make_unique<control::ControlApi>(*store_, clock_, services_,
                                                   control::ControlApi::Hooks{[this] { scheduler_->run_due(); }});
  http::DispatchOptions options;
  options.verify_signatures = config_.verify_signatures;
  options.verify.secret_keys = config_.credentials;
  options.find_issued_key = [this](const std::string& key, double now) -> std::optional<http::IssuedKey> {
    auto issued = sts::find_issued_credentials(*store_, key);
    if (!issued || issued->expiration <= now) return std::nullopt;
    return http::IssuedKey{issued->identity.account, issued->secret_access_key};
  };
  dispatcher_ = std::make_unique<http::Dispatcher>(options, *store_, clock_, services_, *control_);
  http::ServerOptions server_options;
  server_options.host = config_.host;
  server_options.port = config_.port;
  server_ = std::make_unique<http::Server>(server_options, *dispatcher_);
}

Emulator::~Emulator() = default;

void Emulator::run() {
  log::info("understudy listening on http://" + config_.host + ":" + std::to_string(port()) +
            (config_.ephemeral ? " (ephemeral state)" : " (state in " + config_.state_dir + ")"));
  scheduler_->run_due();
  server_->run([this] { scheduler_->run_due(); }, std::chrono::milliseconds(1000));
  log::info("understudy stopped");
}

}  // namespace understudy::app
