#include "services/sns/delivery_worker.hpp"

#include "emulator/core/log.hpp"

namespace understudy::sns {

DeliveryWorker::DeliveryWorker(OutcomeSink sink) : sink_(std::move(sink)), thread_([this] { run(); }) {}

DeliveryWorker::~DeliveryWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    if (!queue_.empty()) log::info("sns: dropping " + std::to_string(queue_.size()) + " undelivered notifications");
    queue_.clear();
  }
  wake_.notify_all();
  thread_.join();
}

bool DeliveryWorker::enqueue(Delivery delivery) {
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= kMaxQueued) return false;
    queue_.push_back(std::move(delivery));
  }
  wake_.notify_one();
  return true;
}

void DeliveryWorker::clear() {
  std::lock_guard lock(mutex_);
  queue_.clear();
}

void DeliveryWorker::run() {
  while (true) {
    Delivery next;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      next = std::move(queue_.front());
      queue_.pop_front();
    }
    Json outcome = deliver(next);
    if (sink_) sink_(next, outcome);
  }
}

Json DeliveryWorker::deliver(const Delivery& delivery) {
  std::string error;
  int status = 0;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    try {
      status = net::http_request(delivery.request).status;
      // Only a 2xx is a delivery; a 4xx other than 429 will not get better on a retry.
      if (status >= 200 && status < 300)
        return {{"Status", "delivered"}, {"HttpStatus", status}, {"Attempts", attempt}};
      error = "HTTP " + std::to_string(status);
      if (status >= 400 && status < 500 && status != 429)
        return {{"Status", "failed"}, {"HttpStatus", status}, {"Error", error}, {"Attempts", attempt}};
    } catch (const net::HttpClientError& e) {
      error = e.what();
    }
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
    }
  }
  log::warn("sns: delivery of " + delivery.message_id + " to " + delivery.request.url + " failed: " + error);
  Json out = {{"Status", "failed"}, {"Error", error}, {"Attempts", kAttempts}};
  if (status) out["HttpStatus"] = status;
  return out;
}

}  // namespace understudy::sns
