// Fleet: every load balancer's nodes and AZs (MODEL.md §4): node lifecycle, the scaling grid and
// evaluations, victims, replacement, maintenance, reclaim and AZ outages. It draws addresses from
// the AddressBroker and demand from the DemandDriver, and tells its FleetObservers (the meter,
// an address log) of every address and DNS change.
//
// The scaling grid runs only where something can happen (scaling_grid.cpp). An evaluation that
// launches or drains nothing only moves the low timers and the last requirement: a "quiet" point.
// After each real evaluation the fleet looks ahead over the demand block for the first point
// that is not quiet (the requirement reaches a count, a low timer expires) and schedules a real
// evaluation there alone. The quiet points before it are applied later, in order, the moment
// anything is about to touch the load balancer (catch-up), so every state and metric is the
// one a point-by-point evaluation would give. "Touched" is kept by construction: every write to
// a node or an AZ goes through change() or change_az(), which catch up first and then mark the
// load balancer touched, which asks for a real evaluation at its next point.
//
// Contract: an evaluation changes only its own load balancer (it launches and drains; nothing
// it does frees an address, so no other load balancer reclaims in the same instant).
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "alb/fleet_events.hpp"
#include "alb/fleet_observer.hpp"
#include "alb/node_table.hpp"
#include "alb/scaling_rules.hpp"
#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"
#include "core/random_stream.hpp"
#include "demand/demand_driver.hpp"
#include "engine/scheduler.hpp"
#include "ipam/address_broker.hpp"

namespace albsim {

class Fleet final : public FreedAddressListener, public DemandListener {
 public:
  struct AzState {
    std::vector<std::uint32_t> nodes;  // slots of nodes not yet terminated
    // c_az (MODEL.md §4): its nodes for which counts_in_c_az() holds; kept by launch() and
    // transition(), so it always equals node_count over `nodes`.
    int counted = 0;
    int impaired = 0;  // outages in force (they may overlap)
    LowTimer low_timer;
  };

  Fleet(const Scenario& scenario, std::uint64_t replication, Scheduler<FleetEvent>& scheduler,
        AddressBroker& broker, DemandDriver& demand);

  // Tells `observer` of every address and DNS change from now on, after those subscribed before.
  void observe(FleetObserver& observer) { observers_.push_back(&observer); }
  // Schedules the first point of the scaling grid.
  void schedule_first_evaluation();
  // The initial state (t = 0): every load balancer starts with r_az in-service nodes per AZ.
  void start();
  void handle(const FleetEvent& event);
  // Whether handling `event` would do nothing, now or at any later time: a node event whose node
  // is gone, or a replacement due for a node that is already retiring, draining or terminated.
  bool is_spent(const FleetEvent& event) const;

  // Scenario events that act on load balancers.
  void set_az_impaired(std::size_t lb, const std::string& az, bool impaired);
  void maintenance(std::size_t lb, double fraction);
  void set_reserved_lcu(std::size_t lb, double lcu);
  void attach_pool(std::size_t lb, std::optional<std::size_t> pool) { lbs_[lb].pool = pool; }

  // Reclaim (MODEL.md §4): addresses freed in `pool` replace managed-address nodes.
  void addresses_freed(std::size_t pool, std::uint64_t count) override;
  // Surges: demand changes from the next grid point on.
  void demand_will_change(std::size_t lb) override;
  void demand_changed(std::size_t lb) override;

  // Applies every quiet grid point before the horizon, so the meter holds all demand; once,
  // after the last instant.
  void settle_all_demand();
  // d(t) as the meter will have held it at time t, between instants, for timeseries rows; t is
  // not before the last instant that has run.
  double demand_held_at(std::size_t lb, SimTime t) const { return demand_.held_at(lb, t); }

  // Read-only views, for the timeseries and invariant checks.
  const NodeTable& nodes() const { return nodes_; }
  const std::vector<AzState>& azs(std::size_t lb) const { return lbs_[lb].azs; }

 private:
  static constexpr std::int64_t kNoWake = std::numeric_limits<std::int64_t>::max();

  // What decides whether a grid point is quiet: the last requirement, the touched mark, and per
  // AZ its low timer and node count (-1 while impaired).
  struct GridState {
    int last_required = -1;
    bool touched = false;
    std::vector<LowTimer> timers;
    std::vector<int> counts;
    bool any_timer() const;
    bool operator==(const GridState&) const = default;
  };
  // The last look-ahead: from `state` at point `start`, points [start, steady_until) are quiet
  // and leave the state as it is, `wake` is the first point that is not quiet, and the quiet
  // points before it leave `at_wake`. Reused when a later real evaluation leaves the same state
  // at a point in [start, steady_until]: the scan from there passes the same points in the same
  // state. `holds` while the load balancer's own state is still `state` (nothing touched or
  // moved it); then catching up to `wake` stores `at_wake` instead of scanning again.
  struct ScanMemo {
    bool valid = false;
    bool holds = false;
    std::int64_t start = 0, steady_until = 0, wake = 0;
    GridState state, at_wake;
  };
  enum class PointKind { quiet_steady, quiet_changed, real };
  // demand_band() per requirement value, for the healthy AZs and reservation they were found
  // with.
  struct BandCache {
    int healthy = -1;
    double reserved_lcu = -1;
    std::vector<std::optional<DemandBand>> by_required;
  };

  struct LbState {
    LbState(const LoadBalancerSpec& spec, std::uint64_t seed, std::uint64_t replication);
    std::optional<std::size_t> pool;
    std::vector<AzState> azs;
    int impaired_azs = 0;  // AZs with an outage in force
    double reserved_lcu = 0;
    // The next grid point needs a real evaluation: a node or AZ changed since the last one, or it
    // left a healthy AZ with r != c and no low timer (a partial scale-in).
    bool touched = true;
    int last_required = -1;
    std::int64_t wake = kNoWake;  // the grid point of the next real evaluation
    ScanMemo memo;
    BandCache bands;
    RandomStream launch_delay_draws;
    RandomStream replacement_draws;

    int healthy_azs() const { return static_cast<int>(azs.size()) - impaired_azs; }
    bool any_low_timer() const;
  };

  Node& change(std::uint32_t slot);
  // Applies `apply` to the node in `slot` and keeps its AZ's c_az (AzState::counted) in step
  // with counts_in_c_az() of the node before and after: every change of a node's state or
  // retiring flag goes through here. Returns the node.
  template <class Transition>
  const Node& transition(std::uint32_t slot, Transition apply);
  AzState& change_az(std::size_t lb, std::size_t az);
  SimTime now() const { return scheduler_.now(); }
  int requirement(std::size_t lb, double demand) const;

  // Scaling (scaling_evaluation.cpp).
  void evaluate_grid();
  void evaluate_point(std::size_t lb);
  void evaluate_lb(std::size_t lb, double demand);
  // The grid (scaling_grid.cpp).
  void set_wake(std::size_t lb, std::int64_t point);
  void arm(SimTime at);
  void wake_no_later_than(std::size_t lb, std::int64_t point);
  void touch(std::size_t lb);
  void catch_up(std::size_t lb);
  void catch_up_before(std::size_t lb, std::int64_t end);
  void inputs_changed(std::size_t lb);
  void load(std::size_t lb, GridState& state) const;
  void store(std::size_t lb, const GridState& state);
  // demand_band() of `required` (empty outside min..max nodes per AZ), cached; the reference
  // holds until the healthy AZs or the reservation change.
  const DemandBand& band(std::size_t lb, int required);
  // requirement(lb, demand) for a demand outside `near_band`, band(lb, near): found in the band of
  // the neighbour of `near` on the demand's side (the demand moved by one node) when it holds the
  // demand, else computed.
  int requirement_near(std::size_t lb, int near, const DemandBand& near_band, double demand);
  PointKind classify(std::size_t lb, std::int64_t point, GridState& state);
  std::int64_t skip_steady(std::size_t lb, std::int64_t from, std::int64_t to,
                           const GridState& state);
  // Classifies points from `from` on until one is real (returned) or `to` is reached (then
  // `to`); `state` moves with the quiet points; `first_change` gets the first quiet point that
  // changed the state, if any.
  std::int64_t run_quiet(std::size_t lb, std::int64_t from, std::int64_t to, GridState& state,
                         std::optional<std::int64_t>& first_change);
  void look_ahead(std::size_t lb);
  // Node lifecycle (fleet.cpp).
  std::uint32_t launch(std::size_t lb, std::size_t az, NodeState state);
  void enter_service(std::uint32_t slot);
  void start_draining(std::uint32_t slot);
  void terminate(std::uint32_t slot);
  void release_address(std::uint32_t slot);
  void set_exposed(std::uint32_t slot, bool exposed);
  // Replacement (replacement.cpp).
  void schedule_replacement(std::uint32_t slot, SimTime not_before);
  void replace(std::uint32_t slot);
  bool reclaims_into(std::size_t lb, std::size_t pool) const;

  const Scenario& scenario_;
  Scheduler<FleetEvent>& scheduler_;
  AddressBroker& broker_;
  DemandDriver& demand_;
  std::vector<FleetObserver*> observers_;
  NodeTable nodes_;
  std::vector<LbState> lbs_;
  std::vector<std::size_t> reclaiming_lbs_;  // with `reclaim: replace`, ascending
  std::uint32_t next_node_id_ = 0;
  // Real evaluations due, as (time, load balancer); an entry is stale unless it is the load
  // balancer's wake. A ScalingEvaluation event is pending at `armed_`, the earliest wake, and
  // perhaps at later times (an earlier wake came after it): those find nothing due, or what is.
  std::priority_queue<std::pair<SimTime, std::size_t>, std::vector<std::pair<SimTime, std::size_t>>,
                      std::greater<>>
      wakes_;
  std::optional<SimTime> armed_;
  std::vector<std::size_t> due_;
  std::optional<std::size_t> evaluating_;  // the load balancer under a real evaluation
  GridState scratch_;                      // look_ahead's and catch_up's working state
};

template <class Transition>
const Node& Fleet::transition(std::uint32_t slot, Transition apply) {
  Node& node = change(slot);
  const int before = counts_in_c_az(node) ? 1 : 0;
  apply(node);
  lbs_[node.lb].azs[node.az].counted += (counts_in_c_az(node) ? 1 : 0) - before;
  return node;
}

}  // namespace albsim
