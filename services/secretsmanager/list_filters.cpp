#include "services/secretsmanager/list_filters.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "services/secretsmanager/errors.hpp"

namespace understudy::secretsmanager {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// The attributes a filter key looks at.
std::vector<std::string> attributes(const SecretRecord& secret, const std::string& key) {
  std::vector<std::string> out;
  if (key == "name" || key == "all") out.push_back(secret.name);
  if ((key == "description" || key == "all") && secret.description) out.push_back(*secret.description);
  if (key == "tag-key" || key == "all")
    for (const auto& tag : secret.tags) out.push_back(tag.value("Key", ""));
  if (key == "tag-value" || key == "all")
    for (const auto& tag : secret.tags) out.push_back(tag.value("Value", ""));
  if (key == "primary-region" || key == "all") out.push_back(secret.primary_region.value_or(secret.region));
  if ((key == "owning-service" || key == "all") && secret.owning_service) out.push_back(*secret.owning_service);
  return out;
}

bool value_matches(const SecretRecord& secret, const std::string& key, const std::string& value) {
  const auto attrs = attributes(secret, key);
  if (key == "all") {
    // Every word of the value must begin some word of some attribute, in any case.
    std::vector<std::string> attr_words;
    for (const auto& a : attrs)
      for (auto& w : words(a)) attr_words.push_back(std::move(w));
    const auto wanted = words(value);
    if (wanted.empty()) return false;
    return std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
      return std::any_of(attr_words.begin(), attr_words.end(), [&](const std::string& a) { return starts_with(a, w); });
    });
  }
  const bool case_insensitive = key == "description";
  return std::any_of(attrs.begin(), attrs.end(), [&](const std::string& a) {
    return case_insensitive ? starts_with(lower(a), lower(value)) : starts_with(a, value);
  });
}

bool matches_filter(const SecretRecord& secret, const Json& filter) {
  const auto key = filter.value("Key", "");
  bool any_positive = false, positive_hit = false;
  for (const auto& v : filter.value("Values", Json::array())) {
    auto value = v.get<std::string>();
    if (!value.empty() && value[0] == '!') {
      if (value_matches(secret, key, value.substr(1))) return false;
    } else {
      any_positive = true;
      positive_hit = positive_hit || value_matches(secret, key, value);
    }
  }
  return !any_positive || positive_hit;
}

}  // namespace

void validate_filters(const Json& filters) {
  static const std::vector<std::string> keys = {"description",    "name",           "tag-key", "tag-value",
                                                "primary-region", "owning-service", "all"};
  if (!filters.is_array()) throw invalid_parameter("Filters must be a list.");
  if (filters.size() > 10) throw invalid_parameter("You can specify at most 10 filters.");
  for (const auto& filter : filters) {
    const auto key = filter.value("Key", "");
    if (std::find(keys.begin(), keys.end(), key) == keys.end())
      throw invalid_parameter("Invalid filter key: " + key + ".");
    const auto values = filter.value("Values", Json::array());
    if (values.empty() || values.size() > 10)
      throw invalid_parameter("A filter must have between 1 and 10 values.");
    for (const auto& v : values)
      if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>() == "!")
        throw invalid_parameter("Invalid filter value for key " + key + ".");
  }
}

bool matches_filters(const SecretRecord& secret, const Json& filters) {
  return std::all_of(filters.begin(), filters.end(), [&](const Json& f) { return matches_filter(secret, f); });
}

void sort_secrets(std::vector<SecretRecord>& secrets, const std::string& sort_by, const std::string& sort_order) {
  auto key_less = [&](const SecretRecord& a, const SecretRecord& b) {
    if (sort_by == "name") return a.name < b.name;
    if (sort_by == "last-accessed-date") return a.last_accessed.value_or(0) < b.last_accessed.value_or(0);
    if (sort_by == "last-changed-date") return a.last_changed < b.last_changed;
    return a.created < b.created;
  };
  std::stable_sort(secrets.begin(), secrets.end(), key_less);
  if (sort_order == "desc") std::reverse(secrets.begin(), secrets.end());
}

}  // namespace understudy::secretsmanager
