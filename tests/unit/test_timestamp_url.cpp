#include <catch2/catch.hpp>

#include "emulator/protocol/timestamp.hpp"
#include "emulator/protocol/url.hpp"

using namespace understudy::protocol;

namespace {
constexpr double kMoment = 1795449267;  // 2026-11-23T15:54:27Z, a Monday
}

TEST_CASE("format_iso8601 writes UTC with milliseconds only when there are some", "[timestamp]") {
  CHECK(format_iso8601(kMoment) == "2026-11-23T15:54:27Z");
  CHECK(format_iso8601(kMoment + 0.123) == "2026-11-23T15:54:27.123Z");
  CHECK(format_iso8601(0) == "1970-01-01T00:00:00Z");
  CHECK(format_iso8601(-0.5) == "1969-12-31T23:59:59.500Z");
  CHECK(format_iso8601(951782400) == "2000-02-29T00:00:00Z");
}

TEST_CASE("format_rfc822 writes the HTTP date form", "[timestamp]") {
  CHECK(format_rfc822(kMoment) == "Mon, 23 Nov 2026 15:54:27 GMT");
  CHECK(format_rfc822(0) == "Thu, 01 Jan 1970 00:00:00 GMT");
}

TEST_CASE("parse_timestamp reads ISO 8601 variants", "[timestamp]") {
  CHECK(parse_timestamp("2026-11-23T15:54:27Z") == kMoment);
  CHECK(parse_timestamp("2026-11-23T15:54:27.123Z").value() == Approx(kMoment + 0.123));
  CHECK(parse_timestamp("2026-11-23T15:54:27.5+00:00") == kMoment + 0.5);
  CHECK(parse_timestamp("2026-11-23T17:54:27+02:00") == kMoment);
  CHECK(parse_timestamp("2026-11-23T10:54:27-0500") == kMoment);
  CHECK(parse_timestamp("2026-11-23T15:54:27") == kMoment);
  CHECK(parse_timestamp("2026-11-23 15:54:27Z") == kMoment);
  CHECK(parse_timestamp("20261123T155427Z") == kMoment);
  CHECK(parse_timestamp("2026-11-23") == kMoment - (15 * 3600 + 54 * 60 + 27));
}

TEST_CASE("parse_timestamp reads RFC 822 and epoch seconds", "[timestamp]") {
  CHECK(parse_timestamp("Mon, 23 Nov 2026 15:54:27 GMT") == kMoment);
  CHECK(parse_timestamp("23 Nov 2026 15:54:27 +0000") == kMoment);
  CHECK(parse_timestamp("1795449267") == kMoment);
  CHECK(parse_timestamp("1795449267.25") == kMoment + 0.25);
  CHECK(parse_timestamp(" 1795449267 ") == kMoment);
}

TEST_CASE("parse_timestamp rejects what is not a moment", "[timestamp]") {
  CHECK_FALSE(parse_timestamp(""));
  CHECK_FALSE(parse_timestamp("yesterday"));
  CHECK_FALSE(parse_timestamp("2026-13-01T00:00:00Z"));
  CHECK_FALSE(parse_timestamp("2026-02-30T00:00:00Z"));
  CHECK_FALSE(parse_timestamp("2026-11-23T25:00:00Z"));
  CHECK_FALSE(parse_timestamp("2026-11-23T15:54:27Zjunk"));
  CHECK_FALSE(parse_timestamp("Mon, 23 Foo 2026 15:54:27 GMT"));
  CHECK_FALSE(parse_timestamp("12abc"));
}

TEST_CASE("timestamps survive a round trip through both formats", "[timestamp]") {
  for (double t : {0.0, 1.0, 86399.999, 1e9, kMoment + 0.001, 4102444800.0}) {
    CHECK(parse_timestamp(format_iso8601(t)).value() == Approx(t).margin(1e-6));
    CHECK(parse_timestamp(format_rfc822(t)).value() == std::floor(t));
  }
}

TEST_CASE("percent_decode decodes escapes and optionally plus", "[url]") {
  CHECK(percent_decode("a%20b+c", true) == "a b c");
  CHECK(percent_decode("a%20b+c", false) == "a b+c");
  CHECK(percent_decode("%E2%82%AC", false) == "\xE2\x82\xAC");
  CHECK(percent_decode("%2f%2F", false) == "//");
  CHECK(percent_decode("100%", false) == "100%");
  CHECK(percent_decode("%zz%4", false) == "%zz%4");
}

TEST_CASE("percent_encode keeps only RFC 3986 unreserved characters", "[url]") {
  CHECK(percent_encode("AZaz09-_.~", false) == "AZaz09-_.~");
  CHECK(percent_encode("a b/c+d=e&", false) == "a%20b%2Fc%2Bd%3De%26");
  CHECK(percent_encode("a b/c", true) == "a%20b/c");
  CHECK(percent_encode("\xE2\x82\xAC", false) == "%E2%82%AC");
  CHECK(percent_decode(percent_encode("any thing/%+&=", false), false) == "any thing/%+&=");
}

TEST_CASE("parse_form splits, decodes and keeps the order", "[url]") {
  auto fields = parse_form("Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&Name=a+b&&Empty=&Bare");
  REQUIRE(fields.size() == 5);
  CHECK(fields[0] == std::pair<std::string, std::string>{"Action", "AssumeRole"});
  CHECK(fields[1].second == "arn:aws:iam::1:role/r");
  CHECK(fields[2].second == "a b");
  CHECK(fields[3] == std::pair<std::string, std::string>{"Empty", ""});
  CHECK(fields[4] == std::pair<std::string, std::string>{"Bare", ""});
  CHECK(parse_form("").empty());
}
