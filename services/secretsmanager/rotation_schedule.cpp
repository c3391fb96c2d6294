#include "services/secretsmanager/rotation_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <ctime>
#include <regex>
#include <sstream>
#include <vector>

#include "services/secretsmanager/errors.hpp"
#include "services/secretsmanager/secret_record.hpp"

namespace understudy::secretsmanager {
namespace {

constexpr double kHour = 3600;
constexpr double kDay = 86400;

AwsError bad_expression(const std::string& expression) {
  return invalid_parameter("Invalid ScheduleExpression: " + expression + ".");
}

int parse_number(const std::string& text, const std::vector<std::string>& names, int name_base) {
  std::string upper = text;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  for (std::size_t i = 0; i < names.size(); ++i)
    if (upper == names[i]) return static_cast<int>(i) + name_base;
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
    throw std::invalid_argument(text);
  return std::stoi(text);
}

// One cron field: "*", "?", "5", "1-5", "*/15", "10/5", "1-10/3", "MON,WED" ...
std::set<int> parse_field(const std::string& field, int low, int high, const std::vector<std::string>& names = {},
                          int name_base = 0) {
  std::set<int> out;
  std::stringstream items(field);
  std::string item;
  while (std::getline(items, item, ',')) {
    int step = 1;
    if (auto slash = item.find('/'); slash != std::string::npos) {
      step = parse_number(item.substr(slash + 1), {}, 0);
      item = item.substr(0, slash);
      if (step < 1) throw std::invalid_argument(field);
    }
    int from = low, to = high;
    if (item != "*" && item != "?") {
      if (auto dash = item.find('-'); dash != std::string::npos) {
        from = parse_number(item.substr(0, dash), names, name_base);
        to = parse_number(item.substr(dash + 1), names, name_base);
      } else {
        from = parse_number(item, names, name_base);
        // "10/5" runs from 10 to the field's end.
        to = step > 1 ? high : from;
      }
    }
    if (from < low || to > high || from > to) throw std::invalid_argument(field);
    for (int v = from; v <= to; v += step) out.insert(v);
  }
  if (out.empty()) throw std::invalid_argument(field);
  return out;
}

std::optional<int> parse_duration(const Json& rules) {
  if (!rules.contains("Duration")) return std::nullopt;
  const auto text = rules["Duration"].get<std::string>();
  static const std::regex pattern("^([1-9]|1[0-9]|2[0-4])h$");
  std::smatch m;
  if (!std::regex_match(text, m, pattern))
    throw invalid_parameter("Invalid Duration: " + text + ". Use a number of hours from 1h to 24h.");
  return std::stoi(m[1].str());
}

double window_end(double start, const std::optional<int>& duration_hours, bool hourly) {
  if (duration_hours) return start + *duration_hours * kHour - 1;
  if (hourly) return start + kHour - 1;
  return day_of(start) + kDay - 1;
}

}  // namespace

CronExpression parse_cron(const std::string& fields) {
  std::stringstream in(fields);
  std::vector<std::string> parts;
  for (std::string part; in >> part;) parts.push_back(part);
  if (parts.size() != 6) throw bad_expression("cron(" + fields + ")");
  static const std::vector<std::string> months = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  static const std::vector<std::string> weekdays = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
  CronExpression cron;
  try {
    cron.minutes = parse_field(parts[0], 0, 59);
    cron.hours = parse_field(parts[1], 0, 23);
    cron.hourly = cron.hours.size() > 1;
    cron.any_day_of_month = parts[2] == "*" || parts[2] == "?";
    cron.last_day_of_month = parts[2] == "L";
    if (!cron.any_day_of_month && !cron.last_day_of_month) cron.days_of_month = parse_field(parts[2], 1, 31);
    cron.months = parse_field(parts[3], 1, 12, months, 1);
    cron.any_day_of_week = parts[4] == "*" || parts[4] == "?";
    if (!cron.any_day_of_week) cron.days_of_week = parse_field(parts[4], 1, 7, weekdays, 1);
    cron.years = parse_field(parts[5], 1970, 2199);
  } catch (const std::invalid_argument&) {
    throw bad_expression("cron(" + fields + ")");
  } catch (const std::out_of_range&) {
    throw bad_expression("cron(" + fields + ")");
  }
  return cron;
}

std::optional<double> CronExpression::next_after(double after) const {
  const double first_day = day_of(after);
  for (int d = 0; d < 366 * 5; ++d) {
    const double day = first_day + d * kDay;
    std::time_t t = static_cast<std::time_t>(day);
    std::tm tm{};
    gmtime_r(&t, &tm);
    if (!years.count(tm.tm_year + 1900) || !months.count(tm.tm_mon + 1)) continue;
    if (last_day_of_month) {
      std::time_t next = static_cast<std::time_t>(day + kDay);
      std::tm tomorrow{};
      gmtime_r(&next, &tomorrow);
      if (tomorrow.tm_mday != 1) continue;
    } else if (!any_day_of_month && !days_of_month.count(tm.tm_mday)) {
      continue;
    }
    if (!any_day_of_week && !days_of_week.count(tm.tm_wday + 1)) continue;
    for (int h : hours)
      for (int m : minutes) {
        const double when = day + h * kHour + m * 60;
        if (when > after) return when;
      }
  }
  return std::nullopt;
}

RotationSchedule parse_rotation_rules(const Json& rules) {
  const bool has_days = rules.contains("AutomaticallyAfterDays") && !rules["AutomaticallyAfterDays"].is_null();
  const bool has_expression = rules.contains("ScheduleExpression") && !rules["ScheduleExpression"].is_null();
  if (has_days && has_expression)
    throw invalid_parameter("You cannot specify both rotation frequency and schedule expression together.");
  if (!has_days && !has_expression)
    throw invalid_parameter("RotationRules must specify AutomaticallyAfterDays or ScheduleExpression.");
  RotationSchedule schedule;
  schedule.duration_hours = parse_duration(rules);
  if (has_days) {
    schedule.kind = RotationSchedule::Kind::Days;
    schedule.interval = rules["AutomaticallyAfterDays"].get<int>();
    if (schedule.interval < 1 || schedule.interval > 1000)
      throw invalid_parameter("AutomaticallyAfterDays must be between 1 and 1000.");
    return schedule;
  }
  const auto expression = rules["ScheduleExpression"].get<std::string>();
  static const std::regex rate("^rate\\(\\s*([0-9]+)\\s+(hour|hours|day|days)\\s*\\)$");
  static const std::regex cron("^cron\\((.*)\\)$");
  std::smatch m;
  if (std::regex_match(expression, m, rate)) {
    const int n = std::stoi(m[1].str().substr(0, 9));
    const bool hours = m[2].str().rfind("hour", 0) == 0;
    schedule.kind = hours ? RotationSchedule::Kind::Hours : RotationSchedule::Kind::Days;
    schedule.interval = n;
    if (hours && (n < 4 || n > 23))
      throw invalid_parameter("The rotation interval of a rate() in hours must be between 4 and 23 hours.");
    if (!hours && (n < 1 || n > 1000))
      throw invalid_parameter("The rotation interval of a rate() in days must be between 1 and 1000 days.");
    if (hours && schedule.duration_hours && *schedule.duration_hours > n)
      throw invalid_parameter("The rotation window can't extend into the next rotation window.");
    return schedule;
  }
  if (std::regex_match(expression, m, cron)) {
    schedule.kind = RotationSchedule::Kind::Cron;
    schedule.cron = parse_cron(m[1].str());
    return schedule;
  }
  throw bad_expression(expression);
}

RotationWindow next_window(const RotationSchedule& schedule, double base, double now) {
  RotationWindow w;
  switch (schedule.kind) {
    case RotationSchedule::Kind::Days:
      w.start = day_of(base) + schedule.interval * kDay;
      w.end = window_end(w.start, schedule.duration_hours, false);
      if (w.end < now) {
        w.start = day_of(now);
        w.end = window_end(w.start, schedule.duration_hours, false);
      }
      return w;
    case RotationSchedule::Kind::Hours:
      w.start = std::floor((base + schedule.interval * kHour) / kHour) * kHour;
      w.end = window_end(w.start, schedule.duration_hours, true);
      if (w.end < now) {
        w.start = std::floor(now / kHour) * kHour;
        w.end = window_end(w.start, schedule.duration_hours, true);
      }
      return w;
    case RotationSchedule::Kind::Cron: {
      auto start = schedule.cron.next_after(std::max(base, now));
      w.start = start ? *start : now + 5 * 366 * kDay;
      w.end = window_end(w.start, schedule.duration_hours, schedule.cron.hourly);
      return w;
    }
  }
  return w;
}

}  // namespace understudy::secretsmanager
