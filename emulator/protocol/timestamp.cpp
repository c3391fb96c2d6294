#include "emulator/protocol/timestamp.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace understudy::protocol {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr std::int64_t kMillisPerDay = 86'400'000;
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

// A moment split into its calendar date and the milliseconds since that day's midnight.
struct Broken {
  year_month_day date;
  std::int64_t millis_of_day;
  unsigned weekday;
};

Broken break_down(double epoch_seconds) {
  // Beyond year ±300000 the calendar is meaningless and llround would overflow.
  if (!std::isfinite(epoch_seconds)) epoch_seconds = 0;
  epoch_seconds = std::clamp(epoch_seconds, -9.0e12, 9.0e12);
  auto total = static_cast<std::int64_t>(std::llround(epoch_seconds * 1000.0));
  std::int64_t day = total / kMillisPerDay;
  std::int64_t rest = total % kMillisPerDay;
  if (rest < 0) {  // floor, so that moments before 1970 land on the right day
    rest += kMillisPerDay;
    --day;
  }
  sys_days d{days{day}};
  return {year_month_day{d}, rest, std::chrono::weekday{d}.c_encoding()};
}

// A small left-to-right reader over the text being parsed.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Exactly `count` digits, or nullopt (and nothing consumed).
  std::optional<int> digits(std::size_t count) {
    if (pos_ + count > text_.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      char c = text_[pos_ + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    pos_ += count;
    return value;
  }
  // One or two digits (RFC 822 days of the month).
  std::optional<int> short_number() {
    auto two = digits(2);
    return two ? two : digits(1);
  }
  // Any run of digits read as a fraction of a second.
  double fraction() {
    double value = 0, scale = 0.1;
    while (peek() >= '0' && peek() <= '9') {
      value += (text_[pos_++] - '0') * scale;
      scale /= 10;
    }
    return value;
  }
  std::string_view word() {
    std::size_t start = pos_;
    while (!done() && ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z'))) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  void skip_spaces() {
    while (peek() == ' ') ++pos_;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::optional<double> to_epoch(int year, int month, int day, int hour, int minute, int second, double fraction,
                               int offset_minutes) {
  year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                      std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  double day_number = static_cast<double>(sys_days{date}.time_since_epoch().count());
  return day_number * 86400.0 + hour * 3600 + minute * 60 + second + fraction - offset_minutes * 60.0;
}

// Z, z, UTC, GMT, +HH:MM, +HHMM, +HH, or nothing (read as UTC, as AWS does).
std::optional<int> zone_offset(Cursor& in) {
  if (in.done() || in.eat('Z') || in.eat('z')) return 0;
  char sign = in.peek();
  if (sign == '+' || sign == '-') {
    in.eat(sign);
    auto hours = in.digits(2);
    if (!hours) return std::nullopt;
    in.eat(':');
    int minutes = in.digits(2).value_or(0);
    int offset = *hours * 60 + minutes;
    return sign == '-' ? -offset : offset;
  }
  std::string_view name = in.word();
  if (name == "GMT" || name == "UTC" || name == "UT") return 0;
  return std::nullopt;
}

std::optional<double> parse_iso8601(std::string_view text) {
  Cursor in(text);
  auto year = in.digits(4);
  if (!year) return std::nullopt;
  bool extended = in.eat('-');
  auto month = in.digits(2);
  if (extended && !in.eat('-')) return std::nullopt;
  auto day = in.digits(2);
  if (!month || !day) return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  double fraction = 0;
  if (in.eat('T') || in.eat('t') || in.eat(' ')) {
    auto h = in.digits(2);
    if (!h || (extended && !in.eat(':'))) return std::nullopt;
    auto m = in.digits(2);
    if (!m) return std::nullopt;
    hour = *h;
    minute = *m;
    if (!extended || in.eat(':')) {
      auto s = in.digits(2);
      if (!s) return std::nullopt;
      second = *s;
      if (in.eat('.') || in.eat(',')) fraction = in.fraction();
    }
  }
  auto offset = zone_offset(in);
  if (!offset || !in.done()) return std::nullopt;
  return to_epoch(*year, *month, *day, hour, minute, second, fraction, *offset);
}

// "Mon, 23 Nov 2026 15:54:27 GMT"; the weekday is optional and not checked.
std::optional<double> parse_rfc822(std::string_view text) {
  Cursor in(text);
  if (!in.word().empty() && !in.eat(',')) return std::nullopt;
  in.skip_spaces();
  auto day = in.short_number();
  in.skip_spaces();
  std::string_view month_name = in.word();
  in.skip_spaces();
  auto year = in.digits(4);
  in.skip_spaces();
  auto hour = in.digits(2);
  bool colon1 = in.eat(':');
  auto minute = in.digits(2);
  bool colon2 = in.eat(':');
  auto second = in.digits(2);
  if (!day || !year || !hour || !minute || !second || !colon1 || !colon2) return std::nullopt;
  int month = 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (kMonths[i] == month_name) month = static_cast<int>(i) + 1;
  if (month == 0) return std::nullopt;
  double fraction = in.eat('.') ? in.fraction() : 0;
  in.skip_spaces();
  auto offset = zone_offset(in);
  if (!offset || !in.done()) return std::nullopt;
  return to_epoch(*year, month, *day, *hour, *minute, *second, fraction, *offset);
}

std::optional<double> parse_epoch(std::string_view text) {
  if (text.empty() || !(text[0] == '-' || (text[0] >= '0' && text[0] <= '9'))) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::string format_iso8601(double epoch_seconds) {
  Broken t = break_down(epoch_seconds);
  auto seconds_of_day = t.millis_of_day / 1000;
  auto millis = t.millis_of_day % 1000;
  char buf[48];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld", static_cast<int>(t.date.year()),
                        static_cast<unsigned>(t.date.month()), static_cast<unsigned>(t.date.day()),
                        static_cast<long long>(seconds_of_day / 3600), static_cast<long long>(seconds_of_day / 60 % 60),
                        static_cast<long long>(seconds_of_day % 60));
  std::string out(buf, static_cast<std::size_t>(n));
  if (millis != 0) {
    std::snprintf(buf, sizeof buf, ".%03lld", static_cast<long long>(millis));
    out += buf;
  }
  return out + "Z";
}

std::string format_rfc822(double epoch_seconds) {
  Broken t = break_down(std::floor(epoch_seconds));
  auto seconds_of_day = t.millis_of_day / 1000;
  char buf[48];
  int n = std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02lld:%02lld:%02lld GMT", kWeekdays[t.weekday].data(),
                        static_cast<unsigned>(t.date.day()),
                        kMonths[static_cast<unsigned>(t.date.month()) - 1].data(), static_cast<int>(t.date.year()),
                        static_cast<long long>(seconds_of_day / 3600), static_cast<long long>(seconds_of_day / 60 % 60),
                        static_cast<long long>(seconds_of_day % 60));
  return std::string(buf, static_cast<std::size_t>(n));
}

std::optional<double> parse_timestamp(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (auto epoch = parse_epoch(text)) return epoch;
  if (auto iso = parse_iso8601(text)) return iso;
  return parse_rfc822(text);
}

}  // namespace understudy::protocol
