#pragma once
// GetRandomPassword's generator: characters drawn uniformly from the OS's CSPRNG.
#include <cstddef>
#include <string>

namespace understudy::secretsmanager {

inline constexpr const char* kPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

struct PasswordOptions {
  std::size_t length = 32;
  std::string exclude_characters;
  bool exclude_numbers = false;
  bool exclude_punctuation = false;
  bool exclude_uppercase = false;
  bool exclude_lowercase = false;
  bool include_space = false;
  bool require_each_included_type = true;
};

// Throws InvalidParameterException when no character is left to draw from, or the
// length cannot hold one of each required type.
std::string random_password(const PasswordOptions& options);

// A uniform integer in [0, bound) from the CSPRNG, without modulo bias.
std::size_t random_below(std::size_t bound);

}  // namespace understudy::secretsmanager
