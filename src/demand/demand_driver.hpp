// DemandDriver: every load balancer's demand d(t) at its grid points (MODEL.md §5): the profile
// (with growth) times every active surge times a lognormal noise draw, told to the meter as it is
// sampled. Sampling draws noise, so each grid point is sampled exactly once.
#pragma once

#include <cstdint>
#include <vector>

#include "albsim/scenario.hpp"
#include "core/random_stream.hpp"
#include "demand/demand_profile.hpp"
#include "metrics/fleet_meter.hpp"

namespace albsim {

class DemandDriver {
 public:
  DemandDriver(const Scenario& scenario, std::uint64_t replication, FleetMeter& meter);

  // d(now) of load balancer `lb`.
  double sample(std::size_t lb, SimTime now);

  void surge_started(std::size_t lb, double multiplier);
  void surge_ended(std::size_t lb, double multiplier);

 private:
  struct LbDemand {
    DemandProfile profile;
    double noise_sigma;
    RandomStream noise_draws;
    std::vector<double> surges;  // multipliers of the surges in force
  };

  std::vector<LbDemand> lbs_;
  FleetMeter& meter_;
};

}  // namespace albsim
