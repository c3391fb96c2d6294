#pragma once
// Topics and subscriptions as the store keeps them: service "sns", type "topic" (id: the
// topic's name) and type "subscription" (id: the uuid that ends its ARN), in the
// account and region of their topic.
#include <optional>
#include <string>
#include <vector>

#include "emulator/core/json.hpp"
#include "emulator/state/store.hpp"

namespace understudy::sns {

inline constexpr const char* kServiceName = "sns";
inline constexpr const char* kTopicType = "topic";
inline constexpr const char* kSubscriptionType = "subscription";

struct TopicRecord {
  std::string account;
  std::string region;
  std::string name;
  // The attributes the user set (Policy always: AWS gives every topic one), as strings.
  Json attributes = Json::object();
  Json tags = Json::array();
  double created = 0;
  // The last SequenceNumber given to a message of this FIFO topic.
  unsigned long long sequence = 0;

  std::string arn() const;
  bool fifo() const { return attributes.value("FifoTopic", "false") == "true"; }
  bool content_based_deduplication() const { return attributes.value("ContentBasedDeduplication", "false") == "true"; }
  Json to_json() const;
  static TopicRecord from_json(const Json& doc, const std::string& account, const std::string& region);
};

struct SubscriptionRecord {
  std::string account;
  std::string region;
  std::string id;
  std::string topic_arn;
  std::string protocol;
  std::string endpoint;
  // RawMessageDelivery, FilterPolicy, FilterPolicyScope, RedrivePolicy, DeliveryPolicy,
  // SubscriptionRoleArn, ReplayPolicy: as the user set them, strings.
  Json attributes = Json::object();
  bool pending_confirmation = false;
  bool confirmation_was_authenticated = false;
  std::string confirmation_token;

  std::string arn() const { return topic_arn + ":" + id; }
  bool raw_delivery() const { return attributes.value("RawMessageDelivery", "false") == "true"; }
  Json to_json() const;
  static SubscriptionRecord from_json(const Json& doc, const std::string& account, const std::string& region);
  // ListSubscriptions' entry: a pending subscription shows "PendingConfirmation" as its ARN.
  Json list_entry() const;
};

class SnsRepository {
 public:
  explicit SnsRepository(state::Store& store) : store_(store) {}

  std::optional<TopicRecord> load_topic(const std::string& account, const std::string& region, const std::string& name);
  std::vector<TopicRecord> list_topics(const std::string& account, const std::string& region);
  void save(const TopicRecord& topic);
  // Deletes the topic and its subscriptions.
  void erase(const TopicRecord& topic);

  std::optional<SubscriptionRecord> load_subscription(const std::string& account, const std::string& region,
                                                      const std::string& id);
  std::vector<SubscriptionRecord> list_subscriptions(const std::string& account, const std::string& region);
  std::vector<SubscriptionRecord> subscriptions_of(const TopicRecord& topic);
  void save(const SubscriptionRecord& subscription);
  void erase(const SubscriptionRecord& subscription);

 private:
  state::Store& store_;
};

}  // namespace understudy::sns
