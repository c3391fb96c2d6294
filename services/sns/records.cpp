#include "services/sns/records.hpp"

#include "emulator/state/arn.hpp"

namespace understudy::sns {

std::string TopicRecord::arn() const { return state::make_arn("sns", region, account, name); }

Json TopicRecord::to_json() const {
  return {{"Name", name}, {"Attributes", attributes}, {"Tags", tags}, {"Created", created}, {"Sequence", sequence}};
}

TopicRecord TopicRecord::from_json(const Json& doc, const std::string& account, const std::string& region) {
  TopicRecord t;
  t.account = account;
  t.region = region;
  t.name = doc.at("Name").get<std::string>();
  t.attributes = doc.value("Attributes", Json::object());
  t.tags = doc.value("Tags", Json::array());
  t.created = doc.value("Created", 0.0);
  t.sequence = doc.value("Sequence", 0ULL);
  return t;
}

Json SubscriptionRecord::to_json() const {
  return {{"Id", id},
          {"TopicArn", topic_arn},
          {"Protocol", protocol},
          {"Endpoint", endpoint},
          {"Attributes", attributes},
          {"PendingConfirmation", pending_confirmation},
          {"ConfirmationWasAuthenticated", confirmation_was_authenticated},
          {"ConfirmationToken", confirmation_token}};
}

SubscriptionRecord SubscriptionRecord::from_json(const Json& doc, const std::string& account,
                                                 const std::string& region) {
  SubscriptionRecord s;
  s.account = account;
  s.region = region;
  s.id = doc.at("Id").get<std::string>();
  s.topic_arn = doc.value("TopicArn", "");
  s.protocol = doc.value("Protocol", "");
  s.endpoint = doc.value("Endpoint", "");
  s.attributes = doc.value("Attributes", Json::object());
  s.pending_confirmation = doc.value("PendingConfirmation", false);
  s.confirmation_was_authenticated = doc.value("ConfirmationWasAuthenticated", false);
  s.confirmation_token = doc.value("ConfirmationToken", "");
  return s;
}

Json SubscriptionRecord::list_entry() const {
  return {{"SubscriptionArn", pending_confirmation ? "PendingConfirmation" : arn()},
          {"Owner", account},
          {"Protocol", protocol},
          {"Endpoint", endpoint},
          {"TopicArn", topic_arn}};
}

namespace {
state::ResourceKey topic_key(const std::string& account, const std::string& region, const std::string& name) {
  return {account, region, kServiceName, kTopicType, name};
}
state::ResourceKey subscription_key(const std::string& account, const std::string& region, const std::string& id) {
  return {account, region, kServiceName, kSubscriptionType, id};
}
}  // namespace

std::optional<TopicRecord> SnsRepository::load_topic(const std::string& account, const std::string& region,
                                                     const std::string& name) {
  auto doc = store_.get(topic_key(account, region, name));
  if (!doc) return std::nullopt;
  return TopicRecord::from_json(*doc, account, region);
}

std::vector<TopicRecord> SnsRepository::list_topics(const std::string& account, const std::string& region) {
  std::vector<TopicRecord> out;
  for (auto& r : store_.list(account, region, kServiceName, kTopicType))
    out.push_back(TopicRecord::from_json(r.body, account, region));
  return out;
}

void SnsRepository::save(const TopicRecord& topic) {
  store_.put(topic_key(topic.account, topic.region, topic.name), topic.to_json());
}

void SnsRepository::erase(const TopicRecord& topic) {
  for (const auto& s : subscriptions_of(topic)) erase(s);
  store_.erase(topic_key(topic.account, topic.region, topic.name));
}

std::optional<SubscriptionRecord> SnsRepository::load_subscription(const std::string& account,
                                                                   const std::string& region, const std::string& id) {
  auto doc = store_.get(subscription_key(account, region, id));
  if (!doc) return std::nullopt;
  return SubscriptionRecord::from_json(*doc, account, region);
}

std::vector<SubscriptionRecord> SnsRepository::list_subscriptions(const std::string& account,
                                                                  const std::string& region) {
  std::vector<SubscriptionRecord> out;
  for (auto& r : store_.list(account, region, kServiceName, kSubscriptionType))
    out.push_back(SubscriptionRecord::from_json(r.body, account, region));
  return out;
}

std::vector<SubscriptionRecord> SnsRepository::subscriptions_of(const TopicRecord& topic) {
  std::vector<SubscriptionRecord> out;
  const std::string arn = topic.arn();
  for (auto& s : list_subscriptions(topic.account, topic.region))
    if (s.topic_arn == arn) out.push_back(std::move(s));
  return out;
}

void SnsRepository::save(const SubscriptionRecord& s) {
  store_.put(subscription_key(s.account, s.region, s.id), s.to_json());
}

void SnsRepository::erase(const SubscriptionRecord& s) { store_.erase(subscription_key(s.account, s.region, s.id)); }

}  // namespace understudy::sns
