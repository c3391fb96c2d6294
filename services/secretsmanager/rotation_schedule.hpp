#pragma once
// RotationRules and the windows they give: AutomaticallyAfterDays, or a ScheduleExpression
// rate(N hours|days) or cron(minutes hours day-of-month month day-of-week year), and a
// Duration ("3h") that closes the window. All in UTC, as AWS reads them.
#include <optional>
#include <set>
#include <string>

#include "emulator/core/json.hpp"

namespace understudy::secretsmanager {

struct CronExpression {
  std::set<int> minutes, hours, days_of_month, months, days_of_week, years;
  bool any_day_of_month = false;  // "*" or "?"
  bool any_day_of_week = false;
  bool last_day_of_month = false;  // "L"
  bool hourly = false;             // the hours field repeats within a day
  // The first time strictly after `after` (epoch seconds) that matches, if one comes
  // within the next few years.
  std::optional<double> next_after(double after) const;
};

struct RotationSchedule {
  enum class Kind { Days, Hours, Cron };
  Kind kind = Kind::Days;
  int interval = 0;  // days or hours
  CronExpression cron;
  std::optional<int> duration_hours;
};

struct RotationWindow {
  double start = 0;
  double end = 0;  // what DescribeSecret shows as NextRotationDate
};

// Throws InvalidParameterException with AWS's messages for rules it refuses.
RotationSchedule parse_rotation_rules(const Json& rules);
CronExpression parse_cron(const std::string& fields);

// The window of the rotation after one at (or a value change at) `base`, never wholly
// before `now`.
RotationWindow next_window(const RotationSchedule& schedule, double base, double now);

}  // namespace understudy::secretsmanager
