// simulate(): one deterministic run of a validated scenario over [0, horizon), measured and
// priced as a Report; simulate_replications(): many, on a pool of threads.
// Single-threaded and re-entrant: runs share nothing, so callers may run several at once.
#pragma once

#include <functional>
#include <vector>

#include "albsim/report.hpp"
#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

Report simulate(const Scenario& scenario, const SimulationOptions& options = {});

struct ReplicationOptions {
  int replications = 1;
  int threads = 0;          // 0: every hardware thread
  SimulationOptions first;  // options of replication 0 (its timeseries); `replication` ignored
  // Called after each replication finishes, with the number finished so far; calls are
  // serialised but may come from any worker thread.
  std::function<void(int finished)> on_progress;
};

// Runs replications 0 .. n-1 of the scenario on a pool of threads. Each replication draws from
// its own streams, so the reports (returned in replication order) are the same whatever the
// thread count. An exception in any replication is rethrown here after every thread stopped.
std::vector<Report> simulate_replications(const Scenario& scenario,
                                          const ReplicationOptions& options);

}  // namespace albsim
