// The reference stepper: MODEL.md §2-§7 written again as plainly as possible, to hold the
// simulator's fast paths (the scaling grid, its look-ahead and memo, the demand blocks, lazy
// cancellation) against. Every evaluation interval of every load balancer is evaluated in full;
// every event is applied in (time, class, sequence) order from one ordered map; node counts,
// victims and exposure are found by scanning every node; metrics come from whole settled states.
// It shares with albsim only the scenario parser (its input), the CIDR arithmetic that lists
// outside addresses, and the pricing of a measured report.
//
// Deterministic scenarios only (fixed launch delays and replacement ages, no noise, random
// events, random allocation, random trace draws or managed_ranges): throws std::invalid_argument
// otherwise. Slow: O(nodes + addresses) per event and per grid point.
#pragma once

#include <vector>

#include "albsim/report.hpp"
#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"

namespace albsim::reference {

struct ReferenceRun {
  Report report;
  std::vector<TimeseriesRow> rows;  // at 0, step, 2 step, ... before the horizon
};

ReferenceRun run_reference(const Scenario& scenario, SimTime timeseries_step);

}  // namespace albsim::reference
