#include "emulator/protocol/model.hpp"

#include <algorithm>

namespace understudy::model {

const Operation* Service::find_operation(std::string_view op) const {
  auto it = std::lower_bound(operations.begin(), operations.end(), op,
                             [](const Operation& o, std::string_view name) { return o.name < name; });
  if (it == operations.end() || it->name != op) return nullptr;
  return &*it;
}

const Ref* Service::member(const Shape& s, std::string_view name) const {
  if (s.type != Type::Structure) return nullptr;
  for (const Ref& r : members(s))
    if (r.name == name) return &r;
  return nullptr;
}

const Service* find_service(std::string_view name) {
  for (const Service* s : services())
    if (s->name == name || s->signing_name == name) return s;
  return nullptr;
}

}  // namespace understudy::model
