#pragma once
// What every AWS service looks like to the emulator. A service sees JSON values of its
// model's input and output shapes and never the wire.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "emulator/core/aws_error.hpp"
#include "emulator/core/json.hpp"
#include "emulator/core/request_context.hpp"

namespace understudy {

class Service {
 public:
  virtual ~Service() = default;
  // The model this service answers, as the generated tables name it ("secretsmanager").
  virtual std::string_view model_name() const = 0;
  virtual bool implements(std::string_view operation) const = 0;
  // Operations AWS serves without a signature (STS's AssumeRoleWithWebIdentity, ...):
  // strict signature checking lets them through unsigned.
  virtual bool allows_unsigned(std::string_view operation) const { return false; }
  // Runs one operation inside the store transaction the dispatcher opened; throws
  // AwsError for anything the caller should be told.
  virtual Json call(std::string_view operation, const Json& input, const RequestContext& ctx) = 0;
  // A resource of this service whose due time on the emulator's clock has come
  // (scheduled deletion, rotation, ...). Runs inside a store transaction.
  virtual void on_due(const std::string& account, const std::string& region, const std::string& type,
                      const std::string& id, double now) {}
  // Everything this service holds, dropped: POST /_understudy/reset. The store is
  // cleared by the caller; this is for state a service keeps outside it.
  virtual void reset() {}
  // The emulator's own API for this service: `METHOD /_understudy/<model_name>/<path>`
  // (e.g. GET /_understudy/sns/messages). nullopt means no such path. `query` holds the
  // decoded query string; `body` the JSON body (null when none). Throw AwsError for a
  // bad request.
  virtual std::optional<Json> control(std::string_view method, std::string_view path,
                                      const std::map<std::string, std::string>& query, const Json& body) {
    return std::nullopt;
  }
};

// Operation tables: each service lists {"AwsOperationName", &Service::AwsOperationName},
// so an operation is found by searching its AWS name, and a mistyped handler does not
// compile.
template <class Derived>
class ServiceWithOperations : public Service {
 public:
  using Handler = Json (Derived::*)(const Json&, const RequestContext&);
  using Entry = std::pair<std::string_view, Handler>;

  bool implements(std::string_view operation) const override { return find(operation) != nullptr; }

  Json call(std::string_view operation, const Json& input, const RequestContext& ctx) override {
    auto handler = find(operation);
    if (!handler)
      throw AwsError("UnknownOperationException", "Understudy does not implement " + std::string(operation) + " yet", 400);
    return (static_cast<Derived*>(this)->*handler)(input, ctx);
  }

 private:
  Handler find(std::string_view operation) const {
    for (const auto& [name, handler] : Derived::operations())
      if (name == operation) return handler;
    return nullptr;
  }
};

}  // namespace understudy
