#include "services/sns/filter_policy.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "services/sns/errors.hpp"

namespace understudy::sns {
namespace {

[[noreturn]] void refuse(const std::string& reason) { throw invalid_parameter("FilterPolicy: " + reason); }

constexpr std::size_t kMaxAttributeKeys = 5;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_numeric_op(const std::string& op) { return op == "=" || op == "<" || op == "<=" || op == ">" || op == ">="; }

void validate_condition(const Json& c) {
  if (c.is_string() || c.is_number() || c.is_null() || c.is_boolean()) return;
  if (!c.is_object() || c.size() != 1) refuse("Match value must be String, number, true, false, or null");
  const std::string op = c.begin().key();
  const Json& arg = c.begin().value();
  if (op == "exists") {
    if (!arg.is_boolean()) refuse("exists match pattern must be either true or false.");
  } else if (op == "prefix" || op == "suffix" || op == "equals-ignore-case") {
    if (!arg.is_string()) refuse(op + " match pattern must be a string");
  } else if (op == "anything-but") {
    if (arg.is_object()) {
      if (arg.size() != 1 || (!arg.contains("prefix") && !arg.contains("suffix")) || !arg.begin()->is_string())
        refuse("Unsupported anything-but pattern: " + arg.dump());
    } else if (arg.is_array()) {
      if (arg.empty()) refuse("Empty arrays are not allowed");
      for (const auto& v : arg)
        if (!v.is_string() && !v.is_number()) refuse("Inside anything but list, start|null|boolean is not supported.");
    } else if (!arg.is_string() && !arg.is_number()) {
      refuse("Inside anything-but, only strings, numbers and lists of them are supported");
    }
  } else if (op == "numeric") {
    if (!arg.is_array() || (arg.size() != 2 && arg.size() != 4)) refuse("Value of numeric must be an array.");
    for (std::size_t i = 0; i < arg.size(); i += 2) {
      if (!arg[i].is_string() || !is_numeric_op(arg[i].get<std::string>()))
        refuse("Unrecognized numeric range operator: " + arg[i].dump());
      if (!arg[i + 1].is_number()) refuse("Value of " + arg[i].get<std::string>() + " must be numeric");
    }
  } else {
    refuse("Unrecognized match type " + op);
  }
}

void validate_object(const Json& policy, FilterScope scope, int depth) {
  if (!policy.is_object() || policy.empty()) refuse("Filter policy must be a non-empty JSON object");
  if (scope == FilterScope::message_attributes && depth == 0 && policy.size() > kMaxAttributeKeys)
    refuse("Filter policy can not have more than 5 keys");
  for (const auto& [key, value] : policy.items()) {
    if (key == "$or") {
      if (!value.is_array() || value.size() < 2) refuse("$or must be an array of at least two filter policies");
      for (const auto& sub : value) validate_object(sub, scope, depth);
    } else if (value.is_object()) {
      if (scope == FilterScope::message_attributes)
        refuse("Filter policy scope MessageAttributes does not support nested filter policy");
      validate_object(value, scope, depth + 1);
    } else if (value.is_array()) {
      if (value.empty()) refuse("Empty arrays are not allowed");
      for (const auto& c : value) validate_condition(c);
    } else {
      refuse("\"" + key + "\" must be an object or an array");
    }
  }
}

bool numbers_equal(double a, double b) { return a == b; }

// Does one value (never a list) satisfy one condition?
bool scalar_matches(const Json& c, const Json& v) {
  if (c.is_string()) return v.is_string() && v.get<std::string>() == c.get<std::string>();
  if (c.is_number()) return v.is_number() && numbers_equal(v.get<double>(), c.get<double>());
  if (c.is_null()) return v.is_null();
  if (c.is_boolean()) return v.is_boolean() && v.get<bool>() == c.get<bool>();
  const std::string op = c.begin().key();
  const Json& arg = c.begin().value();
  if (op == "prefix") return v.is_string() && v.get<std::string>().starts_with(arg.get<std::string>());
  if (op == "suffix") return v.is_string() && v.get<std::string>().ends_with(arg.get<std::string>());
  if (op == "equals-ignore-case") return v.is_string() && lower(v.get<std::string>()) == lower(arg.get<std::string>());
  if (op == "anything-but") {
    if (arg.is_object()) {
      if (!v.is_string()) return true;
      const std::string s = v.get<std::string>();
      if (arg.contains("prefix")) return !s.starts_with(arg["prefix"].get<std::string>());
      return !s.ends_with(arg["suffix"].get<std::string>());
    }
    const Json list = arg.is_array() ? arg : Json::array({arg});
    return std::none_of(list.begin(), list.end(), [&](const Json& x) { return scalar_matches(x, v); });
  }
  if (op == "numeric") {
    if (!v.is_number()) return false;
    const double x = v.get<double>();
    for (std::size_t i = 0; i < arg.size(); i += 2) {
      const std::string cmp = arg[i];
      const double bound = arg[i + 1].get<double>();
      const bool ok = cmp == "="    ? x == bound
                      : cmp == "<"  ? x < bound
                      : cmp == "<=" ? x <= bound
                      : cmp == ">"  ? x > bound
                                    : x >= bound;
      if (!ok) return false;
    }
    return true;
  }
  return false;
}

// `value` is absent (nullptr) when the message has no such key; a list matches when any
// of its elements does.
bool condition_matches(const Json& c, const Json* value) {
  if (c.is_object() && c.contains("exists")) return c["exists"].get<bool>() == (value != nullptr);
  if (!value) return false;
  if (value->is_array())
    return std::any_of(value->begin(), value->end(), [&](const Json& v) { return scalar_matches(c, v); });
  return scalar_matches(c, *value);
}

bool object_matches(const Json& policy, const Json& doc) {
  for (const auto& [key, rule] : policy.items()) {
    if (key == "$or") {
      if (std::none_of(rule.begin(), rule.end(), [&](const Json& sub) { return object_matches(sub, doc); }))
        return false;
      continue;
    }
    const Json* value = doc.is_object() && doc.contains(key) ? &doc[key] : nullptr;
    if (rule.is_object()) {
      if (!value || !value->is_object() || !object_matches(rule, *value)) return false;
      continue;
    }
    if (std::none_of(rule.begin(), rule.end(), [&](const Json& c) { return condition_matches(c, value); }))
      return false;
  }
  return true;
}

// Message attributes as the values a policy compares: strings, numbers, and the parsed
// lists of String.Array. Binary attributes are never matched.
Json attributes_document(const Json& attributes) {
  Json doc = Json::object();
  if (!attributes.is_object()) return doc;
  for (const auto& [name, attr] : attributes.items()) {
    const std::string type = attr.value("DataType", "");
    const std::string text = attr.value("StringValue", "");
    if (type.starts_with("Number")) {
      char* end = nullptr;
      const double n = std::strtod(text.c_str(), &end);
      doc[name] = end && *end == '\0' ? Json(n) : Json(text);
    } else if (type == "String.Array") {
      Json list = Json::parse(text, nullptr, false);
      doc[name] = list.is_array() ? list : Json(text);
    } else if (type.starts_with("String")) {
      doc[name] = text;
    }
  }
  return doc;
}

}  // namespace

FilterScope parse_filter_scope(const std::string& text) {
  if (text == "MessageAttributes") return FilterScope::message_attributes;
  if (text == "MessageBody") return FilterScope::message_body;
  throw invalid_parameter("Attributes Reason: FilterPolicyScope: Invalid value [" + text +
                          "]. Please use either MessageBody or MessageAttributes");
}

void validate_filter_policy(const std::string& policy, FilterScope scope) {
  const Json doc = Json::parse(policy, nullptr, false);
  if (doc.is_discarded()) refuse("failed to parse JSON.");
  validate_object(doc, scope, 0);
}

bool filter_policy_matches(const std::string& policy, FilterScope scope, const Json& message_attributes,
                           const std::string& message) {
  const Json doc = Json::parse(policy, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return true;
  if (scope == FilterScope::message_body) {
    const Json body = Json::parse(message, nullptr, false);
    return !body.is_discarded() && body.is_object() && object_matches(doc, body);
  }
  return object_matches(doc, attributes_document(message_attributes));
}

}  // namespace understudy::sns
