#pragma once
// The kinds of EC2 resource this service keeps: how each is stored, how its id looks,
// how its tags are reported, and how AWS says it does not exist.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "emulator/core/aws_error.hpp"

namespace understudy::ec2 {

struct Kind {
  std::string_view store_type;     // type in the store
  std::string_view id_prefix;      // "vpc" for vpc-0123...
  std::string_view id_member;      // "VpcId"
  std::string_view tags_member;    // "Tags" (network interfaces say "TagSet")
  std::string_view resource_type;  // DescribeTags' and TagSpecifications' name for it
  std::string_view not_found_code;  // "InvalidVpcID.NotFound"
  std::string_view noun;           // "vpc": "The vpc ID 'vpc-1' does not exist"
};

namespace kinds {
extern const Kind vpc;
extern const Kind subnet;
extern const Kind security_group;
extern const Kind route_table;
extern const Kind internet_gateway;
extern const Kind nat_gateway;
extern const Kind address;
extern const Kind network_acl;
extern const Kind vpc_endpoint;
extern const Kind flow_log;
extern const Kind network_interface;
}  // namespace kinds

// Every kind that carries tags, for DescribeTags and CreateTags.
std::span<const Kind* const> taggable_kinds();
// The kind an id belongs to, by its prefix ("sg-..." is a security group).
const Kind* kind_of_id(std::string_view id);

// "vpc-" followed by 17 hex digits, as AWS's ids have looked since 2018.
std::string new_id(std::string_view prefix);

// The NotFound error AWS gives for these ids of this kind.
AwsError not_found(const Kind& kind, const std::vector<std::string>& ids);
inline AwsError not_found(const Kind& kind, const std::string& id) { return not_found(kind, std::vector{id}); }

}  // namespace understudy::ec2
