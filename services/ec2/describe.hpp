#pragma once
// What every Describe call shares: picking resources by id, the Filters AWS documents
// for each kind (wildcards, tag:Key, tag-key, tag-value), and MaxResults/NextToken.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "emulator/core/json.hpp"
#include "services/ec2/resources.hpp"

namespace understudy::ec2 {

// A filter name and where its values are in a resource: member names separated by '.',
// "[]" after a list member to look into each item ("Attachments[].VpcId").
struct FilterField {
  std::string_view name;
  std::string_view path;
};

// The values found at a path, as the text a filter compares (booleans "true"/"false").
std::vector<std::string> values_at(const Json& resource, std::string_view path);
// AWS's filter wildcards: '*' any run of characters, '?' one character.
bool wildcard_match(std::string_view pattern, std::string_view text);

class FilterSet {
 public:
  // Reads the input's "Filters" (or "Filter", as a few operations spell it). A filter
  // name outside `fields` and the tag filters is InvalidParameterValue, as in AWS.
  FilterSet(const Json& input, std::span<const FilterField> fields, std::string_view tags_member = "Tags");
  bool matches(const Json& resource) const;
  bool empty() const { return filters_.empty(); }

 private:
  struct Filter {
    std::string name;
    std::string path;  // empty for the tag filters
    std::vector<std::string> values;
  };
  std::vector<Filter> filters_;
  std::string tags_member_;
};

// The resources named by `ids` (NotFound naming the missing ones), or all of the kind
// when there are none, that match the filters; our own '_' members removed.
std::vector<Json> select(Resources& resources, const Kind& kind, const Json& ids, const FilterSet& filters);

// Our own '_' members removed.
Json public_view(const Json& resource);

// `items` as the page the input's MaxResults/NextToken ask for: {list_member: [...],
// "NextToken": ...}. The token only works for the same operation and filters.
Json paginate(std::vector<Json> items, const Json& input, std::string_view list_member, std::string_view operation);

// Tags asked for by TagSpecifications for a resource of this type (empty list if none).
Json tags_from_specs(const Json& input, std::string_view resource_type);

// The string member `name`, or empty.
std::string str(const Json& input, std::string_view name);
// A boolean member or its {"Value": bool} wrapper (AttributeBooleanValue), if present.
std::optional<bool> boolean(const Json& input, std::string_view name);
// A list of strings member (missing -> empty).
std::vector<std::string> strings(const Json& input, std::string_view name);
// A required string member: MissingParameter "The request must contain the parameter X".
std::string required(const Json& input, std::string_view name);

}  // namespace understudy::ec2
