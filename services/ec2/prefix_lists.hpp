#pragma once
// The prefix lists AWS manages in every region for its gateway-endpoint services (S3,
// DynamoDB): what DescribePrefixLists answers and where gateway endpoints route.
#include <optional>
#include <string>
#include <vector>

namespace understudy::ec2 {

struct AwsPrefixList {
  std::string id;    // "pl-63a5400a"
  std::string name;  // "com.amazonaws.us-east-1.s3"
  std::vector<std::string> cidrs;
};

std::vector<AwsPrefixList> aws_prefix_lists(const std::string& region);
// The list of a gateway service ("com.amazonaws.us-east-1.s3"), if it has one.
std::optional<AwsPrefixList> prefix_list_for_service(const std::string& region, const std::string& service_name);

}  // namespace understudy::ec2
