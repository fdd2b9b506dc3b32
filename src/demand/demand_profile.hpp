// DemandProfile: a load balancer's base demand d(t) in LCU (MODEL.md §5), before surges.
// Pure function of time; the simulator samples it on the evaluation grid.
#pragma once

#include <cstdint>
#include <vector>

#include "albsim/scenario.hpp"

namespace albsim {

class DemandProfile {
 public:
  // `start_epoch_ms` is the calendar instant of t=0 (diurnal profiles read the UTC clock).
  // `grid_step` is the step at which the simulator samples it: a diurnal profile whose step
  // divides a day precomputes one day of grid values (at most 1440), the same numbers the
  // formula gives, so sampling costs no trigonometry.
  DemandProfile(const DemandSpec& spec, std::int64_t start_epoch_ms, SimTime grid_step);

  // Profile value at t times the growth multiplier (1+g)^(t/30d). Never negative.
  double at(SimTime t) const;

 private:
  double base_at(SimTime t) const;
  double diurnal_at(double hour_of_day) const;
  double trace_at(SimTime t) const;

  const DemandSpec* spec_;
  std::int64_t start_epoch_ms_;
  double log_growth_per_ms_;  // ln(1 + g) / 30 days
  std::int64_t grid_step_ms_;
  std::int64_t grid_phase_ms_;      // (start mod step): where grid points fall within a day
  std::vector<double> day_values_;  // diurnal value at grid slot k of the UTC day
};

}  // namespace albsim
