#include "demand/demand_profile.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/calendar.hpp"

namespace albsim {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::size_t kMaxDaySlots = 1440;

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  return ((a % b) + b) % b;
}

}  // namespace

DemandProfile::DemandProfile(const DemandSpec& spec, std::int64_t start_epoch_ms, SimTime grid_step)
    : spec_(&spec),
      start_epoch_ms_(start_epoch_ms),
      log_growth_per_ms_(std::log1p(spec.growth_per_30d) / 2'592'000'000.0),
      grid_step_ms_(grid_step.ms()),
      grid_phase_ms_(grid_step.ms() > 0 ? floor_mod(start_epoch_ms, grid_step.ms()) : 0) {
  if (spec.kind != DemandSpec::Kind::diurnal || grid_step_ms_ <= 0 || kDayMs % grid_step_ms_ != 0 ||
      static_cast<std::size_t>(kDayMs / grid_step_ms_) > kMaxDaySlots)
    return;
  for (std::int64_t in_day = grid_phase_ms_; in_day < kDayMs; in_day += grid_step_ms_)
    day_values_.push_back(diurnal_at(static_cast<double>(in_day) / 3.6e6));
}

double DemandProfile::diurnal_at(double hour_of_day) const {
  const DiurnalSpec& d = spec_->diurnal;
  return d.base * (1.0 + d.amplitude *
                             std::cos(2.0 * std::numbers::pi * (hour_of_day - d.peak_hour) / 24.0));
}

double DemandProfile::base_at(SimTime t) const {
  switch (spec_->kind) {
    case DemandSpec::Kind::constant:
      return spec_->constant;
    case DemandSpec::Kind::steps: {
      const auto& steps = spec_->steps;
      auto after = std::upper_bound(steps.begin(), steps.end(), t,
                                    [](SimTime x, const auto& step) { return x < step.first; });
      return after == steps.begin() ? 0.0 : std::prev(after)->second;
    }
    case DemandSpec::Kind::trace:
      return trace_at(t);
    case DemandSpec::Kind::diurnal: {
      const DayPosition when = utc_day_position(start_epoch_ms_ + t.ms());
      double value = 0;
      // A grid point falls on a slot of the precomputed day: one division finds and checks it.
      const std::int64_t from_phase = when.ms_in_day - grid_phase_ms_;
      const std::int64_t slot =
          day_values_.empty() || from_phase < 0 ? -1 : from_phase / grid_step_ms_;
      if (slot >= 0 && slot * grid_step_ms_ == from_phase)
        value = day_values_[static_cast<std::size_t>(slot)];
      else
        value = diurnal_at(when.hour);
      if (when.weekend) value *= spec_->diurnal.weekend_factor;
      return std::max(0.0, value);
    }
  }
  return 0.0;
}

double DemandProfile::trace_at(SimTime t) const {
  const TraceSpec& trace = spec_->trace;
  const TraceSeries& s = *trace.series;
  const std::int64_t first = s.times_ms.front();
  std::int64_t x = trace.align_ms + t.ms();
  if (trace.loop && x >= first) x = first + (x - first) % (s.times_ms.back() - first + s.period_ms);
  if (x < first) return 0.0;  // before the first sample
  const auto after = std::upper_bound(s.times_ms.begin(), s.times_ms.end(), x);
  return s.values[static_cast<std::size_t>(after - s.times_ms.begin()) - 1];
}

double DemandProfile::at(SimTime t) const {
  double value = base_at(t);
  if (log_growth_per_ms_ != 0.0)
    value *= std::exp(log_growth_per_ms_ * static_cast<double>(t.ms()));
  return value;
}

}  // namespace albsim
