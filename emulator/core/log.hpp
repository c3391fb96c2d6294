#pragma once
#include <string_view>

namespace understudy::log {

enum class Level { debug = 0, info = 1, warn = 2, error = 3 };

void set_level(Level level);
bool parse_level(std::string_view text, Level& out);
bool enabled(Level level);
// One line to stderr, prefixed with the wall time and level. Never pass secrets here.
void write(Level level, std::string_view line);

inline void debug(std::string_view l) { write(Level::debug, l); }
inline void info(std::string_view l) { write(Level::info, l); }
inline void warn(std::string_view l) { write(Level::warn, l); }
inline void error(std::string_view l) { write(Level::error, l); }

}  // namespace understudy::log
