#include "services/sns/message_log.hpp"

namespace understudy::sns {

void MessageLog::record(Json entry) {
  std::lock_guard lock(mutex_);
  entries_.push_back(std::move(entry));
  while (entries_.size() > kMaxMessages) entries_.pop_front();
}

void MessageLog::update_delivery(const std::string& message_id, const std::string& subscription_arn,
                                 const Json& outcome) {
  std::lock_guard lock(mutex_);
  // Deliveries finish in publish order, so the message is near the end.
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    if ((*it)["MessageId"] != message_id) continue;
    for (auto& d : (*it)["Deliveries"])
      if (d["SubscriptionArn"] == subscription_arn) d.update(outcome);
    return;
  }
}

Json MessageLog::messages(const std::string& topic_arn) const {
  std::lock_guard lock(mutex_);
  Json out = Json::array();
  for (const auto& e : entries_)
    if (topic_arn.empty() || e.value("TopicArn", "") == topic_arn) out.push_back(e);
  return out;
}

void MessageLog::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace understudy::sns
