// GetRandomPassword's generator: lengths, character classes, exclusions and the
// one-of-each-type rule.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "emulator/core/aws_error.hpp"
#include "services/secretsmanager/random_password.hpp"

using namespace understudy;
using namespace understudy::secretsmanager;

namespace {

bool has(const std::string& s, int (*pred)(int)) {
  return std::any_of(s.begin(), s.end(), [&](unsigned char c) { return pred(c) != 0; });
}
bool has_punct(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::string(kPunctuation).find(c) != std::string::npos; });
}

}  // namespace

TEST_CASE("random password defaults to 32 characters of every type", "[secretsmanager][password]") {
  for (int i = 0; i < 50; ++i) {
    const auto p = random_password({});
    REQUIRE(p.size() == 32);
    CHECK(has(p, std::islower));
    CHECK(has(p, std::isupper));
    CHECK(has(p, std::isdigit));
    CHECK(has_punct(p));
    CHECK(p.find(' ') == std::string::npos);
  }
}

TEST_CASE("random password honours length limits", "[secretsmanager][password]") {
  PasswordOptions o;
  o.length = 4096;
  CHECK(random_password(o).size() == 4096);
  o.length = 1;
  o.require_each_included_type = false;
  CHECK(random_password(o).size() == 1);
  o.length = 0;
  CHECK_THROWS_AS(random_password(o), AwsError);
  o.length = 4097;
  CHECK_THROWS_AS(random_password(o), AwsError);
}

TEST_CASE("random password excludes what it is told to", "[secretsmanager][password]") {
  PasswordOptions o;
  o.length = 200;
  o.exclude_punctuation = true;
  o.exclude_uppercase = true;
  o.exclude_characters = "abcdef0123";
  const auto p = random_password(o);
  CHECK_FALSE(has_punct(p));
  CHECK_FALSE(has(p, std::isupper));
  CHECK(p.find_first_of("abcdef0123") == std::string::npos);
  CHECK(has(p, std::islower));
  CHECK(has(p, std::isdigit));
}

TEST_CASE("random password with only numbers, and with spaces", "[secretsmanager][password]") {
  PasswordOptions o;
  o.length = 64;
  o.exclude_lowercase = o.exclude_uppercase = o.exclude_punctuation = true;
  auto digits = random_password(o);
  CHECK(std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }));

  PasswordOptions spaced;
  spaced.length = 4096;
  spaced.include_space = true;
  CHECK(random_password(spaced).find(' ') != std::string::npos);
}

TEST_CASE("random password refuses impossible requests", "[secretsmanager][password]") {
  PasswordOptions none;
  none.exclude_lowercase = none.exclude_uppercase = none.exclude_numbers = none.exclude_punctuation = true;
  CHECK_THROWS_WITH(random_password(none), Catch::Contains("every character is excluded"));

  PasswordOptions short_one;
  short_one.length = 3;  // four types required
  CHECK_THROWS_WITH(random_password(short_one), Catch::Contains("too short"));
  short_one.require_each_included_type = false;
  CHECK(random_password(short_one).size() == 3);
}

TEST_CASE("random passwords differ and cover the alphabet", "[secretsmanager][password]") {
  std::set<std::string> seen;
  std::set<char> chars;
  for (int i = 0; i < 200; ++i) {
    auto p = random_password({});
    seen.insert(p);
    chars.insert(p.begin(), p.end());
  }
  CHECK(seen.size() == 200);
  CHECK(chars.size() > 85);  // 94 printable characters, drawn 6400 times
}

TEST_CASE("random_below stays in range", "[secretsmanager][password]") {
  std::set<std::size_t> seen;
  for (int i = 0; i < 1000; ++i) {
    auto r = random_below(7);
    REQUIRE(r < 7);
    seen.insert(r);
  }
  CHECK(seen.size() == 7);
}
