#include "services/ec2/prefix_lists.hpp"

#include <cstdint>
#include <cstdio>

namespace understudy::ec2 {
namespace {

// A stable id per region and service, so a list keeps its id across restarts as in AWS.
std::string stable_id(const std::string& name) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : name) hash = (hash ^ c) * 16777619u;
  char buf[16];
  std::snprintf(buf, sizeof buf, "pl-%08x", hash);
  return buf;
}

}  // namespace

std::vector<AwsPrefixList> aws_prefix_lists(const std::string& region) {
  const std::string s3 = "com.amazonaws." + region + ".s3";
  const std::string dynamodb = "com.amazonaws." + region + ".dynamodb";
  return {
      {stable_id(s3), s3, {"3.5.0.0/19", "16.15.192.0/18", "52.216.0.0/15", "54.231.0.0/16"}},
      {stable_id(dynamodb), dynamodb, {"3.218.180.0/22", "52.94.0.0/22", "52.119.224.0/20"}},
  };
}

std::optional<AwsPrefixList> prefix_list_for_service(const std::string& region, const std::string& service_name) {
  for (auto& list : aws_prefix_lists(region))
    if (list.name == service_name) return list;
  return std::nullopt;
}

}  // namespace understudy::ec2
