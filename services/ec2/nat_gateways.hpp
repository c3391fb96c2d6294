#pragma once
// NAT gateways' lifecycle outside their handlers.
#include <string>

#include "services/ec2/resources.hpp"

namespace understudy::ec2 {

// How long AWS keeps showing a deleted NAT gateway.
inline constexpr double kDeletedNatGatewayVisibleSeconds = 3600;

void forget_deleted_nat_gateway(Resources& res, const std::string& id, double now);

}  // namespace understudy::ec2
