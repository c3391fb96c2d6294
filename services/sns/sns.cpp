#include "services/sns/sns.hpp"

namespace understudy::sns {

Sns::Sns(state::Store& store, state::Clock& clock)
    : store_(store), clock_(clock), repo_(store), worker_([this](const Delivery& d, const Json& outcome) {
        log_.update_delivery(d.message_id, d.subscription_arn, outcome);
      }) {}

std::span<const Sns::Entry> Sns::operations() {
  static const Entry table[] = {
      {"ConfirmSubscription", &Sns::ConfirmSubscription},
      {"CreateTopic", &Sns::CreateTopic},
      {"DeleteTopic", &Sns::DeleteTopic},
      {"GetSubscriptionAttributes", &Sns::GetSubscriptionAttributes},
      {"GetTopicAttributes", &Sns::GetTopicAttributes},
      {"ListSubscriptions", &Sns::ListSubscriptions},
      {"ListSubscriptionsByTopic", &Sns::ListSubscriptionsByTopic},
      {"ListTagsForResource", &Sns::ListTagsForResource},
      {"ListTopics", &Sns::ListTopics},
      {"Publish", &Sns::Publish},
      {"PublishBatch", &Sns::PublishBatch},
      {"SetSubscriptionAttributes", &Sns::SetSubscriptionAttributes},
      {"SetTopicAttributes", &Sns::SetTopicAttributes},
      {"Subscribe", &Sns::Subscribe},
      {"TagResource", &Sns::TagResource},
      {"Unsubscribe", &Sns::Unsubscribe},
      {"UntagResource", &Sns::UntagResource},
  };
  return table;
}

void Sns::reset() {
  worker_.clear();
  log_.clear();
  recent_deduplication_ids_.clear();
}

Json Sns::recorded_messages(const std::string& topic_arn_filter) const {
  return {{"messages", log_.messages(topic_arn_filter)}};
}

}  // namespace understudy::sns
