// DemandProfile: a load balancer's base demand d(t) in LCU (MODEL.md §5), before surges.
// Pure function of time; the simulator samples it on the evaluation grid.
#pragma once

#include <cstdint>

#include "albsim/scenario.hpp"

namespace albsim {

class DemandProfile {
 public:
  // `start_epoch_ms` is the calendar instant of t=0 (diurnal profiles read the UTC clock).
  DemandProfile(const DemandSpec& spec, std::int64_t start_epoch_ms);

  // Profile value at t times the growth multiplier (1+g)^(t/30d). Never negative.
  double at(SimTime t) const;

 private:
  double base_at(SimTime t) const;

  const DemandSpec* spec_;
  std::int64_t start_epoch_ms_;
};

}  // namespace albsim
