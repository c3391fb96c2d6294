#pragma once
// Every message SNS took, kept in memory (the newest kMaxMessages) so that a test can
// check what was published and where it went: GET /_understudy/sns/messages. Each entry
// lists its deliveries, whose status the delivery worker fills in; hence the lock.
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>

#include "emulator/core/json.hpp"

namespace understudy::sns {

class MessageLog {
 public:
  static constexpr std::size_t kMaxMessages = 10000;

  // `entry` has MessageId and TopicArn (or PhoneNumber / TargetArn) and a Deliveries list.
  void record(Json entry);
  // Sets the fields in `outcome` on the delivery of `message_id` to `subscription_arn`.
  void update_delivery(const std::string& message_id, const std::string& subscription_arn, const Json& outcome);
  // Oldest first; only `topic_arn`'s messages unless it is empty.
  Json messages(const std::string& topic_arn) const;
  void clear();

 private:
  mutable std::mutex mutex_;
  std::deque<Json> entries_;
};

}  // namespace understudy::sns
