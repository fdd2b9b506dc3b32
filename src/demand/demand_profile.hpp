// DemandProfile: a load balancer's base demand d(t) in LCU (MODEL.md §5), before surges.
// Pure function of time; the simulator samples it on the evaluation grid.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "albsim/scenario.hpp"
#include "demand/trace_draw.hpp"

namespace albsim {

class DemandProfile {
 public:
  // `start_epoch_ms` is the calendar instant of t=0 (diurnal profiles read the UTC clock).
  // `grid_step` is the step at which the simulator samples it: a diurnal profile whose step
  // divides a day precomputes one day of grid values (at most 1440), the same numbers the
  // formula gives, so sampling costs no trigonometry.
  // A trace is read through `draw` (one replication's align or bootstrap blocks); the first
  // form uses the trace's fixed align.
  DemandProfile(const DemandSpec& spec, std::int64_t start_epoch_ms, SimTime grid_step);
  DemandProfile(const DemandSpec& spec, std::int64_t start_epoch_ms, SimTime grid_step,
                TraceDraw draw);

  // Profile value at t times the growth multiplier (1+g)^(t/30d). Never negative.
  double at(SimTime t) const;

  // out[i] = at(first + i * step), bit for bit, in one pass: a diurnal profile on its grid
  // advances its slot of the day (the calendar is consulted once per UTC day), a trace or steps
  // profile moves a cursor forward instead of searching. O(out.size() + samples passed).
  void fill(SimTime first, SimTime step, std::span<double> out) const;
  // fill() before growth: out[i] times growth_factor(first + i * step) is fill()'s value.
  void fill_base(SimTime first, SimTime step, std::span<double> out) const;

  // ln(1 + g) / 30 days, the rate in growth_factor; 0 without growth.
  double log_growth_per_ms() const { return log_growth_per_ms_; }

 private:
  double with_growth(double value, SimTime t) const;
  void fill_diurnal(SimTime first, SimTime step, std::span<double> out) const;
  void fill_trace(SimTime first, SimTime step, std::span<double> out) const;
  void fill_steps(SimTime first, SimTime step, std::span<double> out) const;

  double base_at(SimTime t) const;
  double diurnal_at(double hour_of_day) const;
  double trace_at(SimTime t) const;
  // The trace time read at t (before the first sample: demand 0).
  std::int64_t trace_time(SimTime t) const;

  const DemandSpec* spec_;
  std::int64_t start_epoch_ms_;
  double log_growth_per_ms_;  // ln(1 + g) / 30 days
  std::int64_t grid_step_ms_;
  std::int64_t grid_phase_ms_;      // (start mod step): where grid points fall within a day
  std::vector<double> day_values_;  // diurnal value at grid slot k of the UTC day
  TraceDraw draw_;
};

// The growth multiplier exp(log_growth_per_ms * t) that DemandProfile applies at t.
double growth_factor(double log_growth_per_ms, SimTime t);

}  // namespace albsim
