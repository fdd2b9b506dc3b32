// DemandObserver: hears d(t) of every load balancer as the demand driver hands it out: d(0),
// then every grid point in order, each exactly once, before anything later in simulated time.
// It keeps the time integral of what it heard in a StepIntegral, and tells the driver how far
// that integral has come (demand_progress), so that the driver can trace the integral over a
// block of points while the block's data is hot and pass the result along (`traced`).
#pragma once

#include <cstddef>
#include <span>
#include <utility>

#include "albsim/sim_time.hpp"
#include "core/step_integral.hpp"

namespace albsim {

class DemandObserver {
 public:
  // d(0) of load balancer `lb`.
  virtual void demand_started(std::size_t lb, double demand_lcu) = 0;
  // d at first, first + step, ... in turn. `traced`: the integral's progress after the last
  // value, as StepIntegral::trace() found it from demand_progress() (none: not traced).
  virtual void demand_sampled(std::size_t lb, SimTime first, SimTime step,
                              std::span<const double> demand_lcu,
                              const StepIntegral::Progress* traced) = 0;
  // The demand held and its integral's progress, to trace the next samples from.
  virtual std::pair<double, StepIntegral::Progress> demand_progress(std::size_t lb) const = 0;

 protected:
  ~DemandObserver() = default;
};

}  // namespace albsim
