// simulate(): one deterministic run of a validated scenario over [0, horizon).
// Single-threaded and re-entrant: runs share nothing, so callers may run several at once.
#pragma once

#include <cstdint>
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
  };
  std::vector<LoadBalancer> load_balancers;
};

class TimeseriesObserver {
 public:
  virtual ~TimeseriesObserver() = default;
  virtual void on_row(const TimeseriesRow& row) = 0;
};

struct SimulationOptions {
  SimTime timeseries_step;  // rows at 0, step, 2*step, ... < horizon; 0: no rows
  TimeseriesObserver* timeseries = nullptr;
  // After every settled instant, verify: each pool's held addresses match its in-use count, no
  // address is held twice, every exposed address is held. Throws std::logic_error on a breach.
  // O(nodes + pools) per instant: for tests.
  bool check_invariants = false;
};

Report simulate(const Scenario& scenario, const SimulationOptions& options = {});

}  // namespace albsim
