// simulate(): one deterministic run of a validated scenario over [0, horizon).
// Single-threaded and re-entrant: runs share nothing, so callers may run several at once.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "albsim/report.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

// The settled state at one sample time, for timeseries output.
struct TimeseriesRow {
  SimTime t;
  std::vector<std::uint64_t> pool_in_use;  // per pool, reservations included
  struct LoadBalancer {
    std::uint64_t pool_addresses = 0;
    std::uint64_t managed_addresses = 0;
    std::uint64_t exposed_nodes = 0;
    std::uint64_t outside_nodes = 0;  // exposed with an address outside the allowlist
    double demand_lcu = 0;
    std::vector<std::uint32_t> az_nodes;  // per AZ: nodes holding an address, not terminated
  };
  std::vector<LoadBalancer> load_balancers;
};

class TimeseriesObserver {
 public:
  virtual ~TimeseriesObserver() = default;
  virtual void on_row(const TimeseriesRow& row) = 0;
};

struct SimulationOptions {
  std::uint64_t replication = 0;  // selects the random streams (MODEL.md §1)
  SimTime timeseries_step;        // rows at 0, step, 2*step, ... < horizon; 0: no rows
  TimeseriesObserver* timeseries = nullptr;
  // After every settled instant, verify: each pool's held addresses match its in-use count, no
  // address is held twice, every exposed address is held. Throws std::logic_error on a breach.
  // O(nodes + pools) per instant: for tests.
  bool check_invariants = false;
};

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
