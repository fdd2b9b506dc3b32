// One run of a validated scenario over [0, horizon): the engine, the model objects and the
// observers wired together. What a run measures is not yet a report: the report side names and
// prices it (report/assemble_report.hpp). Single-threaded and re-entrant: runs share nothing.
#pragma once

#include <vector>

#include "albsim/report.hpp"
#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

struct RunMeasurements {
  Report report;  // the measured figures: addresses, allowlist, pools (no ids, sources or costs)
  std::vector<double> demand_lcu_hours;  // per load balancer: the integral of d(t), surges included
};

RunMeasurements run_simulation(const Scenario& scenario, const SimulationOptions& options);

}  // namespace albsim
