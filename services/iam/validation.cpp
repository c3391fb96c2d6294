#include "services/iam/validation.hpp"

#include <cctype>

namespace understudy::iam {
namespace {

std::string lower_camel(std::string member) {
  if (!member.empty()) member[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(member[0])));
  return member;
}

const std::string* string_member(const Json& input, const std::string& member) {
  auto it = input.find(member);
  if (it == input.end() || !it->is_string()) return nullptr;
  return it->get_ptr<const std::string*>();
}

bool name_char(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '+' || c == '=' || c == ',' || c == '.' || c == '@' || c == '-';
}

void check_length(Violations& v, const std::string& value, const std::string& member, std::size_t min,
                  std::size_t max) {
  if (value.size() < min)
    v.add(value, lower_camel(member), "Member must have length greater than or equal to " + std::to_string(min));
  else if (value.size() > max)
    v.add(value, lower_camel(member), "Member must have length less than or equal to " + std::to_string(max));
}

}  // namespace

void check_name(Violations& v, const Json& input, const std::string& member, std::size_t max_length) {
  const std::string* value = string_member(input, member);
  if (value == nullptr) return;
  check_length(v, *value, member, 1, max_length);
  for (unsigned char c : *value)
    if (!name_char(c)) {
      v.add(*value, lower_camel(member), "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
      return;
    }
}

void check_path(Violations& v, const Json& input, const std::string& member) {
  const std::string* value = string_member(input, member);
  if (value == nullptr) return;
  check_length(v, *value, member, 1, 512);
  bool ok = !value->empty() && value->front() == '/' && value->back() == '/';
  for (unsigned char c : *value)
    if (c < 0x21 || c > 0x7E) ok = false;
  if (!ok)
    v.add(*value, lower_camel(member),
          "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
}

void check_path_prefix(Violations& v, const Json& input) {
  const std::string* value = string_member(input, "PathPrefix");
  if (value == nullptr) return;
  check_length(v, *value, "PathPrefix", 1, 512);
  bool ok = !value->empty() && value->front() == '/';
  for (unsigned char c : *value)
    if (c < 0x21 || c > 0x7F) ok = false;
  if (!ok) v.add(*value, "pathPrefix", "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*");
}

void check_description(Violations& v, const Json& input, std::size_t max_length) {
  const std::string* value = string_member(input, "Description");
  if (value != nullptr) check_length(v, *value, "Description", 0, max_length);
}

void check_range(Violations& v, const Json& input, const std::string& member, long long min, long long max) {
  auto it = input.find(member);
  if (it == input.end() || !it->is_number()) return;
  long long value = it->get<long long>();
  if (value < min)
    v.add(std::to_string(value), lower_camel(member),
          "Member must have value greater than or equal to " + std::to_string(min));
  else if (value > max)
    v.add(std::to_string(value), lower_camel(member),
          "Member must have value less than or equal to " + std::to_string(max));
}

void require_name(const Json& input, const std::string& member, std::size_t max_length) {
  Violations v;
  check_name(v, input, member, max_length);
  v.throw_if_any();
}

}  // namespace understudy::iam
