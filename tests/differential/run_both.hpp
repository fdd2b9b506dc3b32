// Runs a scenario through albsim's simulator (invariants checked, timeseries rows kept) and
// through the reference stepper, for the differential tests.
#pragma once

#include <vector>

#include "albsim/report.hpp"
#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"
#include "reference/reference_stepper.hpp"

namespace albsim::test {

struct FastRun {
  Report report;
  std::vector<TimeseriesRow> rows;
};

// `options` chooses the fast path's knobs (demand blocks, dropping stale events); its
// timeseries and invariant checks are set here.
FastRun run_fast(const Scenario& scenario, SimTime timeseries_step, SimulationOptions options = {});

// Every difference between the two runs (report_differences, then timeseries_differences),
// the simulator's value first; empty when they agree.
std::vector<std::string> differences(const FastRun& fast, const reference::ReferenceRun& plain);

}  // namespace albsim::test
