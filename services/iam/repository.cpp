#include "services/iam/repository.hpp"

#include <algorithm>
#include <cctype>

#include "emulator/state/arn.hpp"

namespace understudy::iam {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::optional<Json> Repository::get(const std::string& type, const std::string& id) const {
  return store_.get({account_, kRegion, "iam", type, id});
}

void Repository::put(const std::string& type, const std::string& id, const Json& body) {
  store_.put({account_, kRegion, "iam", type, id}, body);
}

bool Repository::erase(const std::string& type, const std::string& id) {
  return store_.erase({account_, kRegion, "iam", type, id});
}

std::vector<Json> Repository::list(const std::string& type) const {
  auto stored = store_.list(account_, kRegion, "iam", type);
  std::sort(stored.begin(), stored.end(), [](const auto& a, const auto& b) { return a.key.id < b.key.id; });
  std::vector<Json> out;
  out.reserve(stored.size());
  for (auto& r : stored) out.push_back(std::move(r.body));
  return out;
}

std::string Repository::arn(const std::string& resource) const {
  return state::make_arn("iam", "", account_, resource);
}

}  // namespace understudy::iam
