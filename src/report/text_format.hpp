// Small helpers for the tables printed for people.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "albsim/input_error.hpp"
#include "albsim/report.hpp"
#include "albsim/sim_time.hpp"

namespace albsim {

// printf-style formatting of one number.
inline std::string fmt(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

inline std::string money(double usd) {
  return fmt("$%.2f", usd);
}

// An id or a name as a terminal shows it: control characters (an escape sequence, a line
// break) and bytes that are not UTF-8 written as \xNN, so what a scenario or a bill holds cannot
// drive the terminal or break a table's row. Every table cell and list below goes through it.
inline std::string shown(const std::string& s) {
  return printable_line(s, s.size() * 4 + 16);
}

// `s` left-aligned in `width` columns, with at least one space after it.
inline std::string pad(const std::string& s, std::size_t width) {
  const std::string t = shown(s);
  return t.size() >= width ? t + " " : t + std::string(width - t.size(), ' ');
}

// `s` right-aligned in `width` columns, with one space after it.
inline std::string pad_left(const std::string& s, std::size_t width) {
  const std::string t = shown(s);
  return (t.size() >= width ? t : std::string(width - t.size(), ' ') + t) + " ";
}

// How a monthly figure is made from a run of `horizon_hours`: "x4.345 from 7d simulated" (a
// month of 730 hours, kHoursPerMonth), so no extrapolation goes unsaid.
inline std::string monthly_basis(double horizon_hours) {
  std::string text = fmt("x%.4g from ", kHoursPerMonth / horizon_hours);
  text += format_duration(SimTime::from_ms(std::llround(horizon_hours * 3'600'000.0)));
  text += " simulated";
  return text;
}

// The items separated by ", ".
inline std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + shown(s);
  return out;
}

}  // namespace albsim
