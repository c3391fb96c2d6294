#pragma once
// A topic's attributes: which names exist, what values they take, and what
// GetTopicAttributes shows (the user's, plus those AWS derives).
#include <string>

#include "emulator/core/json.hpp"
#include "services/sns/records.hpp"

namespace understudy::sns {

// The policy AWS gives a topic created without one: the owning account may do anything.
std::string default_topic_policy(const std::string& topic_arn, const std::string& account);
// Throws InvalidParameter for an unknown name or a bad value. `creating`: CreateTopic's
// Attributes (FifoTopic may only be given there).
void validate_topic_attribute(const std::string& name, const std::string& value, bool creating, bool fifo);
bool valid_topic_name(const std::string& name, bool fifo);
// GetTopicAttributes' map for `topic` with this many subscriptions.
Json topic_attributes_view(const TopicRecord& topic, std::size_t confirmed, std::size_t pending);

}  // namespace understudy::sns
