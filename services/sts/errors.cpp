#include "services/sts/errors.hpp"

namespace understudy::sts {

void Violations::add(const std::string& value, const std::string& member, const std::string& constraint) {
  items_.push_back("Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
}

void Violations::add_number(long long value, const std::string& member, const std::string& constraint) {
  add(std::to_string(value), member, constraint);
}

void Violations::require(const Json& input, const std::string& name, const std::string& member) {
  if (!input.contains(name) || input[name].is_null())
    items_.push_back("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
}

void Violations::throw_if_any() const {
  if (items_.empty()) return;
  std::string message = std::to_string(items_.size()) +
                        (items_.size() == 1 ? " validation error detected: " : " validation errors detected: ");
  for (std::size_t i = 0; i < items_.size(); ++i) {
    if (i) message += "; ";
    message += items_[i];
  }
  throw validation_error(message);
}

}  // namespace understudy::sts
