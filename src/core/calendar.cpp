#include "core/calendar.hpp"

#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace albsim {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;

namespace chrono = std::chrono;

chrono::year_month_day civil_of_day(std::int64_t days_since_epoch) {
  return chrono::year_month_day{chrono::sys_days{chrono::days{days_since_epoch}}};
}

bool read_fixed(std::string_view text, std::size_t pos, std::size_t width, unsigned& out) {
  if (pos + width > text.size()) return false;
  const char* begin = text.data() + pos;
  const auto [end, ec] = std::from_chars(begin, begin + width, out);
  return ec == std::errc() && end == begin + width;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  return ((a % b) + b) % b;
}

}  // namespace

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  if (text.size() < 17 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':')
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
  std::int64_t offset_minutes = 0;
  const std::string_view zone = text.substr(pos);
  if (zone == "Z") {
    offset_minutes = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    unsigned oh = 0, om = 0;
    if (!read_fixed(zone, 1, 2, oh) || !read_fixed(zone, 4, 2, om) || oh > 23 || om > 59)
      return std::nullopt;
    offset_minutes = (zone[0] == '+' ? 1 : -1) * static_cast<std::int64_t>(oh * 60 + om);
  } else {
    return std::nullopt;
  }
  const chrono::year_month_day date{chrono::year{static_cast<int>(year)}, chrono::month{month},
                                    chrono::day{day}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const std::int64_t days = chrono::sys_days{date}.time_since_epoch().count();
  return days * kDayMs + ((hour * 60 + minute) * 60 + second) * 1000LL + millis -
         offset_minutes * 60'000;
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
