#include "reference/plain_demand.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace albsim::reference {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}

double diurnal(const DiurnalSpec& d, std::int64_t epoch_ms) {
  const std::int64_t day = floor_div(epoch_ms, kDayMs);
  const double hour = static_cast<double>(epoch_ms - day * kDayMs) / 3.6e6;
  const std::int64_t weekday = ((day + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday; Monday 0
  double value =
      d.base * (1.0 + d.amplitude * std::cos(2.0 * std::numbers::pi * (hour - d.peak_hour) / 24.0));
  if (weekday >= 5) value *= d.weekend_factor;
  return std::max(0.0, value);
}

double trace(const TraceSpec& spec, SimTime t) {
  const TraceSeries& s = *spec.series;
  const std::int64_t first = s.times_ms.front();
  std::int64_t x = spec.align_ms + t.ms();
  if (spec.loop && x >= first) x = first + (x - first) % (s.times_ms.back() - first + s.period_ms);
  double value = 0;  // before the first sample
  for (std::size_t i = 0; i < s.times_ms.size() && s.times_ms[i] <= x; ++i) value = s.values[i];
  return value;
}

}  // namespace

double base_demand(const DemandSpec& demand, std::int64_t start_epoch_ms, SimTime t) {
  double value = 0;
  switch (demand.kind) {
    case DemandSpec::Kind::constant:
      value = demand.constant;
      break;
    case DemandSpec::Kind::steps:
      for (const auto& [at, level] : demand.steps)
        if (at <= t) value = level;
      break;
    case DemandSpec::Kind::diurnal:
      value = diurnal(demand.diurnal, start_epoch_ms + t.ms());
      break;
    case DemandSpec::Kind::trace:
      value = trace(demand.trace, t);
      break;
  }
  if (demand.growth_per_30d != 0)
    value *= std::pow(1.0 + demand.growth_per_30d, static_cast<double>(t.ms()) / (30.0 * kDayMs));
  return value;
}

}  // namespace albsim::reference
