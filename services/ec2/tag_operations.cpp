// CreateTags, DeleteTags, DescribeTags across every taggable kind (and security group
// rules, which live inside their groups).
#include <array>

#include "emulator/state/tags.hpp"
#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/security_group_rules.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 4> kTagFilters{{
    {"key", "Key"},
    {"value", "Value"},
    {"resource-id", "ResourceId"},
    {"resource-type", "ResourceType"},
}};

// Applies `change` to the tag list of the resource with this id, wherever it lives.
template <class Change>
void change_tags(Resources& res, const std::string& id, Change change) {
  if (id.starts_with("sgr-")) {
    auto found = find_rule(res, id);
    if (!found) throw rule_not_found(id);
    Json& rule = found->first["_rules"][found->second];
    rule["Tags"] = change(rule.value("Tags", Json::array()));
    res.put(kinds::security_group, found->first);
    return;
  }
  const Kind* kind = kind_of_id(id);
  if (kind == nullptr) throw AwsError("InvalidID", "The ID '" + id + "' is not valid");
  Json resource = res.get(*kind, id);
  const std::string member(kind->tags_member);
  resource[member] = change(resource.value(member, Json::array()));
  res.put(*kind, resource);
}

}  // namespace

Json Ec2::CreateTags(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const Json tags = input.value("Tags", Json::array());
  state::validate_tags(tags, "InvalidParameterValue");
  for (const auto& id : strings(input, "Resources"))
    change_tags(res, id, [&](const Json& existing) { return state::merge_tags(existing, tags, "TagLimitExceeded"); });
  return Json::object();
}

Json Ec2::DeleteTags(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const Json wanted = input.value("Tags", Json::array());
  for (const auto& id : strings(input, "Resources"))
    change_tags(res, id, [&](const Json& existing) {
      // No tags named: all go. A tag with a value goes only if the value matches.
      if (wanted.empty()) return Json::array();
      Json kept = Json::array();
      for (const auto& tag : existing) {
        bool doomed = false;
        for (const auto& w : wanted)
          if (w.value("Key", "") == tag.value("Key", "") && (!w.contains("Value") || w["Value"] == tag["Value"]))
            doomed = true;
        if (!doomed) kept.push_back(tag);
      }
      return kept;
    });
  return Json::object();
}

Json Ec2::DescribeTags(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kTagFilters);
  std::vector<Json> out;
  auto add = [&](const std::string& id, std::string_view type, const Json& tags) {
    for (const auto& tag : tags) {
      Json row{{"ResourceId", id}, {"ResourceType", type}, {"Key", tag.value("Key", "")}, {"Value", tag.value("Value", "")}};
      if (filters.matches(row)) out.push_back(std::move(row));
    }
  };
  for (const Kind* kind : taggable_kinds())
    for (const auto& resource : res.list(*kind)) {
      add(resource[std::string(kind->id_member)], kind->resource_type,
          resource.value(std::string(kind->tags_member), Json::array()));
      if (kind == &kinds::security_group)
        for (const auto& rule : resource["_rules"])
          add(rule["SecurityGroupRuleId"], "security-group-rule", rule.value("Tags", Json::array()));
    }
  return paginate(std::move(out), input, "Tags", "DescribeTags");
}

}  // namespace understudy::ec2
