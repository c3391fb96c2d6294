#pragma once
// ARNs: arn:partition:service:region:account:resource
#include <optional>
#include <string>

namespace understudy::state {

struct Arn {
  std::string partition = "aws";
  std::string service;
  std::string region;
  std::string account;
  std::string resource;

  std::string str() const;
  static std::optional<Arn> parse(const std::string& text);
};

std::string make_arn(const std::string& service, const std::string& region, const std::string& account,
                     const std::string& resource);

}  // namespace understudy::state
