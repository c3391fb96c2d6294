#include "services/sns/message_attributes.hpp"

#include <cstdlib>

#include "services/sns/errors.hpp"

namespace understudy::sns {
namespace {

constexpr std::size_t kMaxAttributes = 10;

bool numeric(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return end && *end == '\0';
}

}  // namespace

void validate_message_attributes(const Json& attributes) {
  if (attributes.is_null()) return;
  if (!attributes.is_object()) throw invalid_parameter("MessageAttributes");
  if (attributes.size() > kMaxAttributes)
    throw invalid_parameter_value("Number of message attributes [" + std::to_string(attributes.size()) +
                                  "] exceeds the allowed maximum [10].");
  for (const auto& [name, attr] : attributes.items()) {
    if (name.empty() || name.size() > 256 || name.starts_with("AWS.") || name.starts_with("Amazon.") ||
        name.starts_with(".") || name.ends_with(".") || name.find("..") != std::string::npos)
      throw invalid_parameter_value("The message attribute name '" + name + "' is not valid.");
    const std::string type = attr.value("DataType", "");
    const bool string_type = type == "String" || type.starts_with("String.");
    const bool number_type = type == "Number" || type.starts_with("Number.");
    const bool binary_type = type == "Binary" || type.starts_with("Binary.");
    if (!string_type && !number_type && !binary_type)
      throw invalid_parameter_value("The message attribute '" + name +
                                    "' has an invalid message attribute type, the set of supported type prefixes is "
                                    "Binary, Number, and String.");
    if (binary_type) {
      if (attr.value("BinaryValue", "").empty())
        throw invalid_parameter_value("The message attribute '" + name +
                                      "' must contain non-empty message attribute value for message attribute type '" +
                                      type + "'.");
      continue;
    }
    const std::string value = attr.value("StringValue", "");
    if (value.empty())
      throw invalid_parameter_value("The message attribute '" + name +
                                    "' must contain non-empty message attribute value for message attribute type '" +
                                    type + "'.");
    if (number_type && !numeric(value))
      throw invalid_parameter_value("Could not cast message attribute '" + name + "' value to number.");
    if (type == "String.Array") {
      const Json list = Json::parse(value, nullptr, false);
      if (list.is_discarded() || !list.is_array())
        throw invalid_parameter("Message attribute '" + name + "' of type String.Array must be a JSON array.");
    }
  }
}

Json envelope_attributes(const Json& attributes) {
  Json out = Json::object();
  if (!attributes.is_object()) return out;
  for (const auto& [name, attr] : attributes.items()) {
    const std::string type = attr.value("DataType", "String");
    const bool binary = type == "Binary" || type.starts_with("Binary.");
    out[name] = {{"Type", type}, {"Value", binary ? attr.value("BinaryValue", "") : attr.value("StringValue", "")}};
  }
  return out;
}

}  // namespace understudy::sns
