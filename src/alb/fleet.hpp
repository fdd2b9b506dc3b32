// Fleet: every load balancer's nodes and AZs (MODEL.md §4), as parts with one job each that
// share the per-load-balancer state (lb_state.hpp):
// - NodeLifecycle (node_lifecycle.hpp): nodes from launch to release, their addresses and DNS,
//   told to the FleetObservers; it keeps the AZs' node lists and c_az;
// - the scaling rule (scaling_evaluation.cpp, Fleet::start and Fleet::evaluate): the initial
//   fleet and a real evaluation, which moves the low timers and LbState::touched;
// - ScalingGrid (scaling_grid.hpp): where evaluations run, and the quiet points between them;
// - Replacement (replacement.hpp): replacement at an age, maintenance and reclaim;
// - AZ outages (az_outage.cpp, Fleet::set_az_impaired).
// The Fleet wires them, handles the fleet's events and routes scenario events to the part whose
// job they are.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "alb/fleet_events.hpp"
#include "alb/fleet_observer.hpp"
#include "alb/lb_state.hpp"
#include "alb/node_lifecycle.hpp"
#include "alb/node_table.hpp"
#include "alb/replacement.hpp"
#include "alb/scaling_grid.hpp"
#include "albsim/scenario.hpp"
#include "demand/demand_driver.hpp"
#include "engine/scheduler.hpp"
#include "ipam/address_broker.hpp"

namespace albsim {

class Fleet final : public FreedAddressListener,
                    public DemandListener,
                    private NodeLifecycle::Hooks,
                    private ScalingGrid::Evaluator {
 public:
  Fleet(const Scenario& scenario, std::uint64_t replication, Scheduler<FleetEvent>& scheduler,
        AddressBroker& broker, DemandDriver& demand);

  // Tells `observer` of every address and DNS change from now on, after those subscribed before.
  void observe(FleetObserver& observer) { lifecycle_.observe(observer); }
  // Schedules the first point of the scaling grid.
  void schedule_first_evaluation() { grid_.schedule_first(); }
  // The initial state (t = 0): every load balancer starts with r_az in-service nodes per AZ.
  void start();
  void handle(const FleetEvent& event);
  // Whether handling `event` would do nothing, now or at any later time: a node event whose node
  // is gone, or a replacement due for a node that is already retiring, draining or terminated.
  bool is_spent(const FleetEvent& event) const;

  // Scenario events that act on load balancers.
  void set_az_impaired(std::size_t lb, const std::string& az, bool impaired);
  void maintenance(std::size_t lb, double fraction) { replacement_.maintenance(lb, fraction); }
  void set_reserved_lcu(std::size_t lb, Lcu lcu);
  void attach_pool(std::size_t lb, std::optional<std::size_t> pool) { lbs_[lb].pool = pool; }

  // Reclaim (MODEL.md §4): addresses freed in `pool` replace managed-address nodes.
  void addresses_freed(std::size_t pool, std::uint64_t count) override {
    replacement_.reclaim(pool, count);
  }
  // Surges: demand changes from the next grid point on.
  void demand_will_change(std::size_t lb) override { grid_.catch_up(lb); }
  void demand_changed(std::size_t lb) override { grid_.inputs_changed(lb); }

  // Applies every quiet grid point before the horizon, so the demand observer holds all demand;
  // once, after the last instant.
  void settle_all_demand() { grid_.settle_all_demand(); }
  // d(t) as the demand observer will have held it at time t, between instants, for timeseries
  // rows; t is not before the last instant that has run.
  double demand_held_at(std::size_t lb, SimTime t) const { return demand_.held_at(lb, t); }

  // Read-only views, for the timeseries and invariant checks.
  const NodeTable& nodes() const { return lifecycle_.nodes(); }
  const std::vector<AzState>& azs(std::size_t lb) const { return lbs_[lb].azs; }

 private:
  void before_change(std::size_t lb, bool rule_inputs) override {
    grid_.before_change(lb, rule_inputs);
  }
  void launched(std::uint32_t slot, SimTime in_service_after) override {
    replacement_.schedule(slot, in_service_after);
  }
  // A real scaling evaluation (MODEL.md §4), scaling_evaluation.cpp.
  void evaluate(std::size_t lb, double demand) override;
  SimTime now() const { return scheduler_.now(); }

  const Scenario& scenario_;
  Scheduler<FleetEvent>& scheduler_;
  DemandDriver& demand_;
  std::vector<LbState> lbs_;
  NodeLifecycle lifecycle_;
  Replacement replacement_;
  ScalingGrid grid_;
};

}  // namespace albsim
