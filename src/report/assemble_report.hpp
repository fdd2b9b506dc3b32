// A run's Report from what it measured: the ids and sources of its load balancers and pools, the
// AWS prefixes holding its outside addresses (with `managed_ranges`), and its costs (cost.hpp).
#pragma once

#include "albsim/report.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

// `measured` holds the measured figures of one run of `scenario` (sim/run_simulation.hpp).
Report assemble_report(const Scenario& scenario, Report measured);

}  // namespace albsim
