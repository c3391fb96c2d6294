#include "services/ec2/resources.hpp"

namespace understudy::ec2 {

state::ResourceKey Resources::key(std::string_view type, const std::string& id) const {
  return {account_, region_, kServiceName, std::string(type), id};
}

std::optional<Json> Resources::find(const Kind& kind, const std::string& id) {
  return store_.get(key(kind.store_type, id));
}

Json Resources::get(const Kind& kind, const std::string& id) {
  auto found = find(kind, id);
  if (!found) throw not_found(kind, id);
  return *std::move(found);
}

void Resources::put(const Kind& kind, const Json& resource, std::optional<double> due_at) {
  store_.put(key(kind.store_type, resource.at(std::string(kind.id_member)).get<std::string>()), resource, due_at);
}

void Resources::erase(const Kind& kind, const std::string& id) { store_.erase(key(kind.store_type, id)); }

std::vector<Json> Resources::list(const Kind& kind) {
  std::vector<Json> out;
  for (auto& stored : store_.list(account_, region_, kServiceName, std::string(kind.store_type)))
    out.push_back(std::move(stored.body));
  return out;
}

std::vector<Json> Resources::list_where(const Kind& kind, const std::string& member, const std::string& value) {
  std::vector<Json> out;
  for (auto& resource : list(kind)) {
    auto it = resource.find(member);
    if (it != resource.end() && it->is_string() && it->get<std::string>() == value) out.push_back(std::move(resource));
  }
  return out;
}

std::optional<Json> Resources::find_other(const std::string& type, const std::string& id) {
  return store_.get(key(type, id));
}

void Resources::put_other(const std::string& type, const std::string& id, const Json& body) {
  store_.put(key(type, id), body);
}

}  // namespace understudy::ec2
