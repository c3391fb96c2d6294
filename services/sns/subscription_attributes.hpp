#pragma once
// A subscription's attributes: the names that exist, the values they take for each
// protocol, and what GetSubscriptionAttributes shows.
#include <string>

#include "emulator/core/json.hpp"
#include "services/sns/records.hpp"

namespace understudy::sns {

bool is_subscription_attribute(const std::string& name);
// Checks `attributes` (name → string) for a subscription of `protocol`, together, as
// FilterPolicy depends on FilterPolicyScope. Throws InvalidParameter.
void validate_subscription_attributes(const Json& attributes, const std::string& protocol);
Json subscription_attributes_view(const SubscriptionRecord& subscription, const TopicRecord* topic);

}  // namespace understudy::sns
