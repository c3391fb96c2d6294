#pragma once
// Deliveries to http subscribers, made off the I/O thread: one thread owned by this
// object takes requests from a queue and posts them with the synchronous HTTP client.
// The destructor stops the thread and joins it; what is still queued then is dropped
// (a delivery in flight finishes within its timeouts).
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "emulator/core/json.hpp"
#include "emulator/net/http_client.hpp"

namespace understudy::sns {

struct Delivery {
  std::string message_id;
  std::string subscription_arn;
  net::HttpClientRequest request;
};

class DeliveryWorker {
 public:
  // Told of each delivery's outcome ({"Status": "delivered"|"failed", "HttpStatus",
  // "Error", "Attempts"}), on the worker's thread.
  using OutcomeSink = std::function<void(const Delivery&, const Json& outcome)>;
  static constexpr std::size_t kMaxQueued = 10000;
  // AWS retries an http delivery that failed; we retry at once, a few times, rather
  // than on AWS's 20-second schedule, so that a test sees the outcome quickly.
  static constexpr int kAttempts = 3;

  explicit DeliveryWorker(OutcomeSink sink);
  ~DeliveryWorker();
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;

  // False when the queue is full (the delivery is dropped).
  bool enqueue(Delivery delivery);
  // Drops every delivery not started yet (POST /_understudy/reset).
  void clear();

 private:
  void run();
  Json deliver(const Delivery& delivery);

  OutcomeSink sink_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Delivery> queue_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace understudy::sns
