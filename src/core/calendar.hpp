// Calendar arithmetic on UTC instants held as milliseconds since the Unix epoch.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace albsim {

// The calendar instant of t=0 when a scenario gives no `start`: Monday 1970-01-05T00:00:00Z.
inline constexpr std::int64_t kDefaultStartEpochMs = 4LL * 86'400'000;

// Parses ISO-8601 "YYYY-MM-DDThh:mm[:ss[.fff]]" followed by "Z" or an offset "+hh:mm" /
// "-hh:mm", as milliseconds since the epoch (UTC); nullopt when malformed or out of range.
// Also the unambiguous shapes exports print: a space (or "t") between date and time (RFC 3339,
// SQL), "z", and offsets "+hhmm" (strftime's %z) or "+hh" (PostgreSQL). Digits of a second
// beyond the millisecond are read and dropped. A time without a zone is refused: it could be
// UTC or any local time.
std::optional<std::int64_t> parse_iso8601(std::string_view text);

// Formats as "YYYY-MM-DDThh:mm:ssZ" (milliseconds appended only when non-zero).
std::string format_iso8601_utc(std::int64_t epoch_ms);

struct DayPosition {
  std::int64_t ms_in_day = 0;  // milliseconds since 00:00 UTC
  double hour = 0;             // fractional hour of the UTC day, in [0, 24)
  bool weekend = false;        // Saturday or Sunday (UTC)
};

DayPosition utc_day_position(std::int64_t epoch_ms);

}  // namespace albsim
