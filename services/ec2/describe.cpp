#include "services/ec2/describe.hpp"

#include <algorithm>

#include "emulator/core/aws_error.hpp"
#include "emulator/state/pagination.hpp"
#include "emulator/state/tags.hpp"

namespace understudy::ec2 {
namespace {

void collect(const Json& value, std::string_view path, std::vector<std::string>& out) {
  if (path.empty()) {
    if (value.is_string())
      out.push_back(value.get<std::string>());
    else if (value.is_boolean())
      out.push_back(value.get<bool>() ? "true" : "false");
    else if (value.is_number())
      out.push_back(value.dump());
    return;
  }
  auto dot = path.find('.');
  std::string_view head = path.substr(0, dot);
  std::string_view rest = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  const bool each = head.ends_with("[]");
  if (each) head.remove_suffix(2);
  if (!value.is_object()) return;
  auto it = value.find(std::string(head));
  if (it == value.end()) return;
  if (each) {
    if (it->is_array())
      for (const auto& item : *it) collect(item, rest, out);
  } else {
    collect(*it, rest, out);
  }
}

Json filters_of(const Json& input) {
  if (input.contains("Filters")) return input["Filters"];
  if (input.contains("Filter")) return input["Filter"];
  return Json::array();
}

bool any_match(const std::vector<std::string>& patterns, const std::vector<std::string>& values) {
  for (const auto& pattern : patterns)
    for (const auto& value : values)
      if (wildcard_match(pattern, value)) return true;
  return false;
}

}  // namespace

std::vector<std::string> values_at(const Json& resource, std::string_view path) {
  std::vector<std::string> out;
  collect(resource, path, out);
  return out;
}

bool wildcard_match(std::string_view pattern, std::string_view text) {
  // Iterative glob with backtracking to the last '*'.
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

FilterSet::FilterSet(const Json& input, std::span<const FilterField> fields, std::string_view tags_member)
    : tags_member_(tags_member) {
  for (const auto& filter : filters_of(input)) {
    Filter f;
    f.name = filter.value("Name", "");
    if (filter.contains("Values"))
      for (const auto& v : filter["Values"]) f.values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    if (f.name.starts_with("tag:") || f.name == "tag-key" || f.name == "tag-value") {
      filters_.push_back(std::move(f));
      continue;
    }
    auto field = std::find_if(fields.begin(), fields.end(), [&](const FilterField& x) { return x.name == f.name; });
    if (field == fields.end()) throw invalid_parameter_value("The filter '" + f.name + "' is invalid");
    f.path = std::string(field->path);
    filters_.push_back(std::move(f));
  }
}

bool FilterSet::matches(const Json& resource) const {
  for (const auto& filter : filters_) {
    // A filter with no values matches nothing, as in AWS.
    if (filter.path.empty()) {
      const std::string key_path = tags_member_ + "[].Key";
      if (filter.name == "tag-key") {
        if (!any_match(filter.values, values_at(resource, key_path))) return false;
      } else if (filter.name == "tag-value") {
        if (!any_match(filter.values, values_at(resource, tags_member_ + "[].Value"))) return false;
      } else {
        const std::string key = filter.name.substr(4);
        std::vector<std::string> tag_values;
        auto tags = resource.find(tags_member_);
        if (tags != resource.end() && tags->is_array())
          for (const auto& tag : *tags)
            if (tag.value("Key", "") == key) tag_values.push_back(tag.value("Value", ""));
        if (!any_match(filter.values, tag_values)) return false;
      }
      continue;
    }
    if (!any_match(filter.values, values_at(resource, filter.path))) return false;
  }
  return true;
}

Json public_view(const Json& resource) {
  if (!resource.is_object()) return resource;
  Json out = Json::object();
  for (auto it = resource.begin(); it != resource.end(); ++it)
    if (!it.key().starts_with("_")) out[it.key()] = it.value();
  return out;
}

std::vector<Json> select(Resources& resources, const Kind& kind, const Json& ids, const FilterSet& filters) {
  std::vector<Json> chosen;
  if (ids.is_array() && !ids.empty()) {
    std::vector<std::string> missing;
    for (const auto& id : ids) {
      auto found = resources.find(kind, id.get<std::string>());
      if (!found)
        missing.push_back(id.get<std::string>());
      else if (std::find(chosen.begin(), chosen.end(), *found) == chosen.end())
        chosen.push_back(*std::move(found));
    }
    if (!missing.empty()) throw not_found(kind, missing);
  } else {
    chosen = resources.list(kind);
  }
  std::vector<Json> out;
  for (auto& resource : chosen)
    if (filters.matches(resource)) out.push_back(public_view(resource));
  return out;
}

Json paginate(std::vector<Json> items, const Json& input, std::string_view list_member, std::string_view operation) {
  const std::string fingerprint = std::string(operation) + filters_of(input).dump();
  std::size_t offset = 0;
  if (auto token = str(input, "NextToken"); !token.empty())
    offset = state::decode_page_token(token, fingerprint, "InvalidNextToken");
  std::size_t limit = items.size();
  if (input.contains("MaxResults") && input["MaxResults"].is_number_integer()) {
    auto max = input["MaxResults"].get<long long>();
    if (max < 1) throw invalid_parameter_value("Value ( " + std::to_string(max) + " ) for parameter maxResults is invalid. Expecting a value greater than 0.");
    limit = static_cast<std::size_t>(max);
  }
  Json out = Json::object();
  Json page = Json::array();
  for (std::size_t i = offset; i < items.size() && i < offset + limit; ++i) page.push_back(std::move(items[i]));
  out[std::string(list_member)] = std::move(page);
  if (offset + limit < items.size()) out["NextToken"] = state::encode_page_token(offset + limit, fingerprint);
  return out;
}

Json tags_from_specs(const Json& input, std::string_view resource_type) {
  Json tags = Json::array();
  if (!input.contains("TagSpecifications")) return tags;
  for (const auto& spec : input["TagSpecifications"]) {
    const std::string type = spec.value("ResourceType", "");
    if (type != resource_type)
      throw invalid_parameter_value("'" + type + "' is not a valid taggable resource type for this operation.");
    if (spec.contains("Tags")) {
      state::validate_tags(spec["Tags"], "InvalidParameterValue");
      tags = state::merge_tags(tags, spec["Tags"], "InvalidParameterValue");
    }
  }
  return tags;
}

std::string str(const Json& input, std::string_view name) {
  auto it = input.find(std::string(name));
  if (it == input.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

std::optional<bool> boolean(const Json& input, std::string_view name) {
  auto it = input.find(std::string(name));
  if (it == input.end() || it->is_null()) return std::nullopt;
  if (it->is_boolean()) return it->get<bool>();
  if (it->is_object() && it->contains("Value") && (*it)["Value"].is_boolean()) return (*it)["Value"].get<bool>();
  return std::nullopt;
}

std::vector<std::string> strings(const Json& input, std::string_view name) {
  std::vector<std::string> out;
  auto it = input.find(std::string(name));
  if (it == input.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::string required(const Json& input, std::string_view name) {
  auto value = str(input, name);
  if (value.empty()) throw missing_parameter("The request must contain the parameter " + std::string(name));
  return value;
}

}  // namespace understudy::ec2
