// DescribePrefixLists and DescribeManagedPrefixLists: the AWS-managed lists of a region.
#include <algorithm>
#include <array>

#include "emulator/state/arn.hpp"
#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"
#include "services/ec2/prefix_lists.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 3> kPrefixListFilters{{
    {"prefix-list-id", "PrefixListId"},
    {"prefix-list-name", "PrefixListName"},
    {"owner-id", "OwnerId"},
}};

std::vector<Json> chosen(const Json& input, const std::vector<Json>& all, const FilterSet& filters) {
  const auto ids = strings(input, "PrefixListIds");
  for (const auto& id : ids)
    if (std::none_of(all.begin(), all.end(), [&](const Json& l) { return l["PrefixListId"] == id; }))
      throw AwsError("InvalidPrefixListID.NotFound", "The prefix list ID '" + id + "' does not exist");
  std::vector<Json> out;
  for (const auto& list : all) {
    if (!ids.empty() && std::find(ids.begin(), ids.end(), list["PrefixListId"].get<std::string>()) == ids.end()) continue;
    if (filters.matches(list)) out.push_back(list);
  }
  return out;
}

}  // namespace

Json Ec2::DescribePrefixLists(const Json& input, const RequestContext& ctx) {
  FilterSet filters(input, kPrefixListFilters);
  std::vector<Json> all;
  for (const auto& list : aws_prefix_lists(ctx.region))
    all.push_back(Json{{"PrefixListId", list.id}, {"PrefixListName", list.name}, {"Cidrs", list.cidrs}});
  return paginate(chosen(input, all, filters), input, "PrefixLists", "DescribePrefixLists");
}

Json Ec2::DescribeManagedPrefixLists(const Json& input, const RequestContext& ctx) {
  FilterSet filters(input, kPrefixListFilters);
  std::vector<Json> all;
  for (const auto& list : aws_prefix_lists(ctx.region))
    all.push_back(Json{{"PrefixListId", list.id},
                       {"AddressFamily", "IPv4"},
                       {"State", "create-complete"},
                       {"PrefixListArn", state::make_arn("ec2", ctx.region, "aws", "prefix-list/" + list.id)},
                       {"PrefixListName", list.name},
                       {"Version", 1},
                       {"Tags", Json::array()},
                       {"OwnerId", "AWS"}});
  return paginate(chosen(input, all, filters), input, "PrefixLists", "DescribeManagedPrefixLists");
}

}  // namespace understudy::ec2
