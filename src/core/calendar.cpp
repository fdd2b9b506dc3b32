#include "core/calendar.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace albsim {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;

namespace chrono = std::chrono;

chrono::year_month_day civil_of_day(std::int64_t days_since_epoch) {
  return chrono::year_month_day{chrono::sys_days{chrono::days{days_since_epoch}}};
}

// The `width` (at most 9) decimal digits at `pos`, and nothing else, as a number.
bool read_fixed(std::string_view text, std::size_t pos, std::size_t width, unsigned& out) {
  if (pos + width > text.size()) return false;
  unsigned value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const unsigned digit = static_cast<unsigned char>(text[i]) - unsigned{'0'};
    if (digit > 9) return false;
    value = value * 10 + digit;
  }
  out = value;
  return true;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  return ((a % b) + b) % b;
}

// The offset from UTC, in minutes, of a zone designator: "Z" (or "z"), or a sign and hours with
// optional minutes, "+hh:mm", "+hhmm" or "+hh" (what %z, RFC 3339 and PostgreSQL print).
std::optional<std::int64_t> parse_zone(std::string_view zone) {
  // Athena and other SQL engines print "2026-11-23 00:00:00.000 UTC".
  if (zone == "Z" || zone == "z" || zone == " UTC" || zone == "UTC" || zone == " GMT") return 0;
  if (zone.empty() || (zone[0] != '+' && zone[0] != '-')) return std::nullopt;
  unsigned hours = 0, minutes = 0;
  if (!read_fixed(zone, 1, 2, hours)) return std::nullopt;
  const std::string_view rest = zone.substr(3);
  const bool ok = rest.empty() || (rest.size() == 2 && read_fixed(rest, 0, 2, minutes)) ||
                  (rest.size() == 3 && rest[0] == ':' && read_fixed(rest, 1, 2, minutes));
  if (!ok || hours > 23 || minutes > 59) return std::nullopt;
  return (zone[0] == '+' ? 1 : -1) * static_cast<std::int64_t>(hours * 60 + minutes);
}

}  // namespace

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  if (text.size() < 17 || text[4] != '-' || text[7] != '-' || text[13] != ':' ||
      (text[10] != 'T' && text[10] != 't' && text[10] != ' '))
    return std::nullopt;
  if (!read_fixed(text, 0, 4, year) || !read_fixed(text, 5, 2, month) ||
      !read_fixed(text, 8, 2, day) || !read_fixed(text, 11, 2, hour) ||
      !read_fixed(text, 14, 2, minute))
    return std::nullopt;
  std::size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!read_fixed(text, pos + 1, 2, second)) return std::nullopt;
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      std::size_t digits = 0;
      while (pos + 1 + digits < text.size() && digits < 3 &&
             std::isdigit(static_cast<unsigned char>(text[pos + 1 + digits])))
        ++digits;
      if (digits == 0 || !read_fixed(text, pos + 1, digits, millis)) return std::nullopt;
      for (std::size_t d = digits; d < 3; ++d) millis *= 10;
      pos += 1 + digits;
      while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
    }
  }
  const auto offset_minutes = parse_zone(text.substr(pos));
  if (!offset_minutes) return std::nullopt;
  const chrono::year_month_day date{chrono::year{static_cast<int>(year)}, chrono::month{month},
                                    chrono::day{day}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const std::int64_t days = chrono::sys_days{date}.time_since_epoch().count();
  return days * kDayMs + ((hour * 60 + minute) * 60 + second) * 1000LL + millis -
         *offset_minutes * 60'000;
}

std::string format_iso8601_utc(std::int64_t epoch_ms) {
  const std::int64_t days = (epoch_ms - floor_mod(epoch_ms, kDayMs)) / kDayMs;
  const std::int64_t in_day = floor_mod(epoch_ms, kDayMs);
  const chrono::year_month_day date = civil_of_day(days);
  const auto seconds = in_day / 1000;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02lld:%02lld:%02lld",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<long long>(seconds / 3600),
                static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
  std::string out(buffer);
  if (in_day % 1000 != 0) {
    std::snprintf(buffer, sizeof buffer, ".%03lld", static_cast<long long>(in_day % 1000));
    out += buffer;
  }
  return out + "Z";
}

DayPosition utc_day_position(std::int64_t epoch_ms) {
  const std::int64_t in_day = floor_mod(epoch_ms, kDayMs);
  const std::int64_t day = (epoch_ms - in_day) / kDayMs;
  const chrono::weekday weekday{chrono::sys_days{chrono::days{day}}};
  return {in_day, static_cast<double>(in_day) / 3.6e6, weekday.iso_encoding() >= 6};
}

}  // namespace albsim
