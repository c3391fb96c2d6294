#pragma once
// One request, start to finish, without sockets: the emulator's own paths, then SigV4,
// then the protocol layer to find the service and operation and decode the input, the
// service inside one store transaction, and the answer in the client's protocol.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "emulator/auth/sigv4.hpp"
#include "emulator/control/control_api.hpp"
#include "emulator/core/service.hpp"
#include "emulator/protocol/protocol.hpp"
#include "emulator/protocol/http_message.hpp"
#include "emulator/state/clock.hpp"
#include "emulator/state/store.hpp"

namespace understudy::http {

// Access keys the emulator issued itself (STS session credentials): whose account they
// are and, for strict mode, their secret.
struct IssuedKey {
  std::string account;
  std::string secret_access_key;
};

struct DispatchOptions {
  bool verify_signatures = false;
  auth::VerifyOptions verify;
  // nullopt for keys the emulator did not issue or that have expired at `now`.
  std::function<std::optional<IssuedKey>(const std::string& access_key_id, double now)> find_issued_key;
};

class Dispatcher {
 public:
  Dispatcher(DispatchOptions options, state::Store& store, const state::Clock& clock,
             const std::vector<std::unique_ptr<Service>>& services, control::ControlApi& control);

  protocol::HttpResponse handle(const protocol::HttpRequest& request);

 private:
  void verify_signature(const protocol::HttpRequest& request, const protocol::Route& route,
                        const auth::Identity& identity, const std::optional<IssuedKey>& issued) const;

  DispatchOptions options_;
  state::Store& store_;
  const state::Clock& clock_;
  std::unordered_map<std::string_view, Service*> by_model_;
  control::ControlApi& control_;
};

}  // namespace understudy::http
