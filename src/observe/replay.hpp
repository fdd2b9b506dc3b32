// Replaying an Observation through the FleetMeter that measures simulations, so an observed run
// has exactly the metrics, in exactly the terms, of a simulated one.
#pragma once

#include "albsim/report.hpp"
#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"
#include "observe/observation.hpp"

namespace albsim {

// The measured report (no ids, sources or costs: report/assemble_report.hpp adds them) of
// `observation` over `window`. `scenario` is the window's: its start is window.from_ms and its
// horizon the window's length. Holdings are clipped to the window. Each address is a pool address
// when a pool of the scenario owns it (its CIDRs at the start) and the source does not say it is
// AWS-managed, else AWS-managed; a node is in
// DNS while it holds its address. With `timeseries`, rows at 0, step, 2 step, ... as a
// simulation's (demand 0: an observation has none; AZ counts only when the source records
// AZs). Throws InputError naming the first file when no holding falls in the window.
Report replay_observation(const Scenario& scenario, const Observation& observation,
                          const ObservedWindow& window, SimTime step,
                          TimeseriesObserver* timeseries);

// The same for a simulated run seen through a source (observation_model.hpp), which may have
// seen nothing in the window.
Report replay_seen(const Scenario& scenario, const Observation& seen, const ObservedWindow& window,
                   SimTime step, TimeseriesObserver* timeseries);

}  // namespace albsim
