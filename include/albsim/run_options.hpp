// SimulationOptions: how one run is observed (its replication's streams, timeseries rows,
// invariant checks), and the TimeseriesRow a run emits at each sample time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "albsim/sim_time.hpp"

namespace albsim {

// The settled state at one sample time, for timeseries output.
struct TimeseriesRow {
  SimTime t;
  std::vector<std::uint64_t> pool_in_use;    // per pool, reservations included
  std::vector<std::uint64_t> pool_reserved;  // per pool, held by its reservations
  std::vector<std::uint64_t> pool_capacity;  // per pool, addresses it owns
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

// Every address change of every node as the run makes it: taken at launch, shown in and taken
// out of DNS, given back after termination (and the pool's release delay). albsim's tests use
// it to export a run in the shapes AWS records (IPAM history, ENI snapshots, DNS answers).
class AddressLog {
 public:
  virtual ~AddressLog() = default;
  virtual void acquired(SimTime t, std::size_t lb, std::size_t az, std::uint32_t address) = 0;
  virtual void exposure(SimTime t, std::size_t lb, std::uint32_t address, bool exposed) = 0;
  virtual void released(SimTime t, std::size_t lb, std::uint32_t address) = 0;
};

// The addresses each load balancer holds and each pool's reservations, as they change: what
// the IPv4 charges are reckoned from (albsim run --charges, albsim reconcile). `managed`: an
// AWS-managed address, else one of a pool's.
class HoldingLog {
 public:
  virtual ~HoldingLog() = default;
  virtual void address_held(SimTime t, std::size_t lb, std::uint32_t address, bool managed) = 0;
  virtual void address_given_back(SimTime t, std::size_t lb, std::uint32_t address,
                                  bool managed) = 0;
  virtual void reserved_changed(SimTime t, std::size_t pool, std::uint64_t reserved) = 0;
};

// d(t) of every load balancer as the run hands it out (MODEL.md §5): values at first,
// first + step, ... each held for `step` (the load balancer's evaluation interval; the last one
// until the horizon), d(0) first, then every grid point once, in order per load balancer. Values
// may come in blocks, after later events of other kinds: only their times order them.
class DemandLog {
 public:
  virtual ~DemandLog() = default;
  virtual void demand(std::size_t lb, SimTime first, SimTime step,
                      std::span<const double> demand_lcu) = 0;
};

struct SimulationOptions {
  std::uint64_t replication = 0;  // selects the random streams (MODEL.md §1)
  SimTime timeseries_step;        // rows at 0, step, 2*step, ... < horizon; 0: no rows
  TimeseriesObserver* timeseries = nullptr;
  // A row at every settled instant, each state holding until the next row's time (the last
  // until the horizon): the exact step function of every column but demand (DemandLog has it),
  // for envelopes that keep every peak. None: no rows. Costs one row per instant.
  TimeseriesObserver* changes = nullptr;
  DemandLog* demand_log = nullptr;    // none: no log
  AddressLog* address_log = nullptr;  // none: no log
  HoldingLog* holding_log = nullptr;  // none: no log
  // After every settled instant, verify: each pool's held addresses match its in-use count, no
  // address is held twice, every exposed address is held. Throws std::logic_error on a breach.
  // O(nodes + pools) per instant: for tests.
  bool check_invariants = false;
  // Grid points of demand computed at once per load balancer (0: a day of 60 s points). Memory
  // is this many points per load balancer, whatever the horizon; results do not depend on it.
  std::size_t demand_block_points = 0;
  // Pending events at which the event queue first drops node events that can no longer do
  // anything (Fleet::is_spent), then whenever it has doubled since; 0: never. Results do not
  // depend on it; the queue's memory and speed do.
  std::size_t discard_stale_events_at = 4096;
};

}  // namespace albsim
