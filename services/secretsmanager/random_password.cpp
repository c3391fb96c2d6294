#include "services/secretsmanager/random_password.hpp"

#include <cstdint>
#include <limits>
#include <vector>

#include "emulator/state/ids.hpp"
#include "services/secretsmanager/errors.hpp"

namespace understudy::secretsmanager {
namespace {

std::string without(const std::string& chars, const std::string& excluded) {
  std::string out;
  for (char c : chars)
    if (excluded.find(c) == std::string::npos) out.push_back(c);
  return out;
}

}  // namespace

std::size_t random_below(std::size_t bound) {
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
  std::uint64_t r;
  do {
    state::random_bytes(reinterpret_cast<unsigned char*>(&r), sizeof r);
  } while (r >= limit);
  return static_cast<std::size_t>(r % bound);
}

std::string random_password(const PasswordOptions& options) {
  if (options.length < 1 || options.length > 4096)
    throw invalid_parameter("The password length must be between 1 and 4096 characters.");
  // Each type that is included and not entirely excluded; RequireEachIncludedType asks
  // for one of each (space is allowed, never required).
  std::vector<std::string> required;
  auto include = [&](bool excluded, const std::string& chars) {
    if (excluded) return;
    auto left = without(chars, options.exclude_characters);
    if (!left.empty()) required.push_back(std::move(left));
  };
  include(options.exclude_lowercase, "abcdefghijklmnopqrstuvwxyz");
  include(options.exclude_uppercase, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  include(options.exclude_numbers, "0123456789");
  include(options.exclude_punctuation, kPunctuation);
  std::string pool;
  for (const auto& chars : required) pool += chars;
  if (options.include_space && options.exclude_characters.find(' ') == std::string::npos) pool += ' ';
  if (pool.empty()) throw invalid_parameter("The password can't be generated because every character is excluded.");
  if (!options.require_each_included_type) required.clear();
  if (required.size() > options.length)
    throw invalid_parameter("The password length is too short to include one character of every required type.");

  std::string password;
  password.reserve(options.length);
  for (const auto& chars : required) password.push_back(chars[random_below(chars.size())]);
  while (password.size() < options.length) password.push_back(pool[random_below(pool.size())]);
  // The required characters were put first; a Fisher-Yates shuffle hides where.
  for (std::size_t i = password.size() - 1; i > 0; --i) std::swap(password[i], password[random_below(i + 1)]);
  return password;
}

}  // namespace understudy::secretsmanager
