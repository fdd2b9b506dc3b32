#include "albsim/sim_time.hpp"

#include <cmath>
#include <cstdlib>

namespace albsim {
namespace {

constexpr std::int64_t kMaxMs = std::int64_t{1}
                                << 53;  // beyond any sane horizon; keeps doubles exact

std::optional<std::int64_t> unit_ms(std::string_view unit) {
  if (unit == "ms") return 1;
  if (unit == "s") return 1000;
  if (unit == "m") return 60'000;
  if (unit == "h") return 3'600'000;
  if (unit == "d") return 86'400'000;
  if (unit == "w") return 7 * 86'400'000LL;
  return std::nullopt;
}

}  // namespace

std::optional<SimTime> duration_from_seconds(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return std::nullopt;
  const double ms = seconds * 1000.0;
  const double rounded = std::round(ms);
  if (std::fabs(ms - rounded) > 1e-6 || rounded > static_cast<double>(kMaxMs)) return std::nullopt;
  return SimTime::from_ms(static_cast<std::int64_t>(rounded));
}

std::optional<SimTime> parse_duration(std::string_view text) {
  const auto ms = duration_string_ms(text);
  if (!ms) return std::nullopt;
  return duration_from_seconds(*ms / 1000.0);
}

std::optional<double> duration_string_ms(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double total_ms = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t number_start = i;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
      ++i;
    if (i == number_start) return std::nullopt;
    const std::string number(text.substr(number_start, i - number_start));
    char* end = nullptr;
    const double value = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size()) return std::nullopt;
    const std::size_t unit_start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    const auto ms = unit_ms(text.substr(unit_start, i - unit_start));
    if (!ms) return std::nullopt;
    total_ms += value * static_cast<double>(*ms);
  }
  return total_ms;
}

std::string format_duration(SimTime t) {
  std::int64_t ms = t.ms();
  if (ms == 0) return "0s";
  std::string out;
  if (ms < 0) {
    out.push_back('-');
    ms = -ms;
  }
  static constexpr struct {
    std::int64_t ms;
    const char* unit;
  } kUnits[] = {{86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1000, "s"}, {1, "ms"}};
  for (const auto& u : kUnits) {
    if (ms >= u.ms) {
      out += std::to_string(ms / u.ms);
      out += u.unit;
      ms %= u.ms;
    }
  }
  return out;
}

}  // namespace albsim
