#pragma once
// What every AWS account has in every region before it makes anything: a default VPC
// (172.31.0.0/16) with a default subnet in each zone, its internet gateway attached and
// routed to, and the VPC's main route table, default network ACL and default security
// group. Made once per account and region, the first time EC2 is called there; deleting
// the default VPC afterwards does not bring it back, as in AWS.
#include <optional>
#include <string>

#include "services/ec2/resources.hpp"

namespace understudy::ec2 {

void ensure_account_defaults(Resources& res, double now);
// The default VPC's id, if the account still has one.
std::optional<std::string> default_vpc_id(Resources& res);
// The DHCP options set every VPC of the account and region starts with.
std::string default_dhcp_options_id(Resources& res);

}  // namespace understudy::ec2
