#include "services/iam/errors.hpp"

namespace understudy::iam {

void Violations::add(const std::string& value, const std::string& member, const std::string& constraint) {
  items_.push_back("Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
}

void Violations::throw_if_any() const {
  if (items_.empty()) return;
  std::string message = std::to_string(items_.size()) +
                        (items_.size() == 1 ? " validation error detected: " : " validation errors detected: ");
  for (std::size_t i = 0; i < items_.size(); ++i) message += (i ? "; " : "") + items_[i];
  throw validation_error(message);
}

}  // namespace understudy::iam
