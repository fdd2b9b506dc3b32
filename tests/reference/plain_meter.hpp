// PlainMeter: MODEL.md §7's metrics and the timeseries rows, measured from the whole settled
// state of every instant (no change notifications, no lazy integrals): each settled state is
// held until the next instant, its counts weighted by that length, and compared whole with the
// state before it. For the reference stepper.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "albsim/report.hpp"
#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"

namespace albsim::reference {

// Everything the metrics read of one settled instant.
struct SettledState {
  struct LoadBalancer {
    std::uint64_t pool_held = 0, managed_held = 0;  // addresses its nodes hold
    std::set<std::uint32_t> exposed;                // addresses in DNS
    std::set<std::uint32_t> outside;                // those no allowlist CIDR holds
    double demand = 0;                              // d as held since its last grid point
    std::vector<std::uint32_t> az_nodes;            // per AZ: launching, in service, draining
  };
  std::vector<LoadBalancer> lbs;
  std::vector<std::uint64_t> pool_capacity, pool_in_use;
  std::vector<std::uint64_t> pool_reserved;  // addresses held by the pool's reservations
};

// Maximal runs of held intervals that are "on": their count, total, longest and first start.
struct Episodes {
  std::uint64_t count = 0;
  std::int64_t total_ms = 0, longest_ms = 0, current_ms = 0;
  std::optional<std::int64_t> first_ms;
  bool open = false;
  void hold(std::int64_t from, std::int64_t to, bool on);
};

class PlainMeter {
 public:
  PlainMeter(const Scenario& scenario, SimTime timeseries_step);

  void managed_acquired(std::size_t lb) { ++lbs_[lb].acquisitions; }
  // The state settled at instant t (ascending, each once).
  void settled(SimTime t, SettledState state);
  // Holds the last state until the horizon; the measured report (no ids, sources or costs).
  Report finish(SimTime horizon);
  const std::vector<TimeseriesRow>& rows() const { return rows_; }

 private:
  struct LbTotals {
    double pool_ms = 0, managed_ms = 0, exposed_ms = 0, outside_ms = 0, demand_ms = 0, lost_ms = 0;
    std::uint64_t acquisitions = 0, peak_total = 0, peak_pool = 0, peak_managed = 0;
    std::uint64_t dns_changes = 0;
    std::set<std::uint32_t> outside_seen;
    Episodes breach;
    bool has_allowlist = false;  // else no allowlist figures, and not in the fleet's
  };
  struct PoolTotals {
    double in_use_ms = 0, capacity_ms = 0, reserved_ms = 0;
    std::uint64_t peak_in_use = 0, min_free = UINT64_MAX;
    Episodes exhausted;
  };

  void hold(const SettledState& state, std::int64_t from, std::int64_t to);

  SimTime step_;
  std::int64_t next_row_ = 0;
  std::vector<TimeseriesRow> rows_;
  std::vector<LbTotals> lbs_;
  std::vector<PoolTotals> pools_;
  Episodes fleet_breach_;
  std::optional<SettledState> last_;
  std::int64_t last_t_ = 0;
};

}  // namespace albsim::reference
