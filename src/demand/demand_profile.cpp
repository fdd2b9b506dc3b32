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
    : DemandProfile(spec, start_epoch_ms, grid_step, fixed_trace_draw(spec.trace)) {}

DemandProfile::DemandProfile(const DemandSpec& spec, std::int64_t start_epoch_ms, SimTime grid_step,
                             TraceDraw draw)
    : spec_(&spec),
      start_epoch_ms_(start_epoch_ms),
      log_growth_per_ms_(std::log1p(spec.growth_per_30d) / 2'592'000'000.0),
      grid_step_ms_(grid_step.ms()),
      grid_phase_ms_(grid_step.ms() > 0 ? floor_mod(start_epoch_ms, grid_step.ms()) : 0),
      draw_(std::move(draw)) {
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

std::int64_t DemandProfile::trace_time(SimTime t) const {
  if (draw_.bootstrap) {
    const std::int64_t block = draw_.bootstrap->block_ms();
    return draw_.bootstrap->block_start(t.ms() / block) + t.ms() % block;
  }
  const TraceSpec& trace = spec_->trace;
  const TraceSeries& s = *trace.series;
  const std::int64_t first = s.times_ms.front();
  const std::int64_t x = draw_.align_ms + t.ms();
  if (!trace.loop || x < first) return x;
  return first + (x - first) % (s.times_ms.back() - first + s.period_ms);
}

double DemandProfile::trace_at(SimTime t) const {
  const TraceSeries& s = *spec_->trace.series;
  const std::int64_t x = trace_time(t);
  if (x < s.times_ms.front()) return 0.0;  // before the first sample
  const auto after = std::upper_bound(s.times_ms.begin(), s.times_ms.end(), x);
  return s.values[static_cast<std::size_t>(after - s.times_ms.begin()) - 1];
}

double growth_factor(double log_growth_per_ms, SimTime t) {
  return std::exp(log_growth_per_ms * static_cast<double>(t.ms()));
}

double DemandProfile::with_growth(double value, SimTime t) const {
  if (log_growth_per_ms_ != 0.0) value *= growth_factor(log_growth_per_ms_, t);
  return value;
}

double DemandProfile::at(SimTime t) const {
  return with_growth(base_at(t), t);
}

void DemandProfile::fill(SimTime first, SimTime step, std::span<double> out) const {
  fill_base(first, step, out);
  if (log_growth_per_ms_ == 0.0) return;
  SimTime t = first;
  for (double& value : out) {
    value = with_growth(value, t);
    t += step;
  }
}

void DemandProfile::fill_base(SimTime first, SimTime step, std::span<double> out) const {
  switch (spec_->kind) {
    case DemandSpec::Kind::constant:
      std::fill(out.begin(), out.end(), spec_->constant);
      break;
    case DemandSpec::Kind::steps:
      fill_steps(first, step, out);
      break;
    case DemandSpec::Kind::trace:
      fill_trace(first, step, out);
      break;
    case DemandSpec::Kind::diurnal:
      fill_diurnal(first, step, out);
      break;
  }
}

void DemandProfile::fill_diurnal(SimTime first, SimTime step, std::span<double> out) const {
  const bool on_table = !day_values_.empty() && step.ms() == grid_step_ms_ &&
                        floor_mod(first.ms(), grid_step_ms_) == 0;
  if (!on_table) {
    SimTime t = first;
    for (double& value : out) {
      value = base_at(t);
      t += step;
    }
    return;
  }
  // Every point is a grid point, so it falls exactly on a slot of the precomputed day; the
  // points of one UTC day are consecutive slots with one weekend factor (1 on weekdays: exact).
  const std::int64_t epoch = start_epoch_ms_ + first.ms();
  auto slot = static_cast<std::size_t>((floor_mod(epoch, kDayMs) - grid_phase_ms_) / grid_step_ms_);
  std::size_t done = 0;
  while (done < out.size()) {
    const std::int64_t day_epoch = epoch + static_cast<std::int64_t>(done) * step.ms();
    const double factor = utc_day_position(day_epoch).weekend ? spec_->diurnal.weekend_factor : 1.0;
    const std::size_t count = std::min(out.size() - done, day_values_.size() - slot);
    const double* day = day_values_.data() + slot;
    double* into = out.data() + done;
    for (std::size_t i = 0; i < count; ++i) into[i] = std::max(0.0, day[i] * factor);
    done += count;
    slot = 0;
  }
}

void DemandProfile::fill_trace(SimTime first, SimTime step, std::span<double> out) const {
  const TraceSeries& s = *spec_->trace.series;
  const std::int64_t first_sample = s.times_ms.front();
  std::size_t at = 0;  // the last sample at or before the previous point's trace time
  std::int64_t previous = first_sample - 1;
  SimTime t = first;
  for (double& value : out) {
    const std::int64_t x = trace_time(t);
    t += step;
    if (x < first_sample) {
      value = 0.0;
      continue;
    }
    // The first point, or the trace looped or jumped to another bootstrap block: search.
    if (x < previous || previous < first_sample)
      at = static_cast<std::size_t>(std::upper_bound(s.times_ms.begin(), s.times_ms.end(), x) -
                                    s.times_ms.begin() - 1);
    while (at + 1 < s.times_ms.size() && s.times_ms[at + 1] <= x) ++at;
    previous = x;
    value = s.values[at];
  }
}

void DemandProfile::fill_steps(SimTime first, SimTime step, std::span<double> out) const {
  const auto& steps = spec_->steps;
  std::size_t after = static_cast<std::size_t>(
      std::upper_bound(steps.begin(), steps.end(), first,
                       [](SimTime x, const auto& s) { return x < s.first; }) -
      steps.begin());  // steps at or before the current point
  SimTime t = first;
  for (double& value : out) {
    while (after < steps.size() && steps[after].first <= t) ++after;
    value = after == 0 ? 0.0 : steps[after - 1].second;
    t += step;
  }
}

}  // namespace albsim
