// NodeLifecycle: every node from launch to the release of its address (MODEL.md §3-§4, node
// states): launching -> in service (retiring while its replacement launches) -> draining ->
// terminated -> released. It keeps the node table and each AZ's node list and c_az, schedules
// the lifecycle's events, draws addresses from the broker, and tells its FleetObservers of every
// address and DNS change. Every change of a node or an AZ goes through change(), change_az() or
// transition(), which first tell the Hooks whether it moves what the scaling rule reads (an AZ's
// c_az, outage or low timer); a change of a node's state that leaves c_az as it was (entering
// service, draining a retiring node, terminating) tells them nothing: neither the scaling grid
// nor the meter's demand reads it (victims are chosen at a real evaluation, from the nodes then).
#pragma once

#include <cstdint>
#include <vector>

#include "alb/fleet_events.hpp"
#include "alb/fleet_observer.hpp"
#include "alb/lb_state.hpp"
#include "alb/node_table.hpp"
#include "albsim/scenario.hpp"
#include "engine/scheduler.hpp"
#include "ipam/address_broker.hpp"

namespace albsim {

class NodeLifecycle {
 public:
  // What the lifecycle tells the rest of the fleet.
  class Hooks {
   public:
    // A node or an AZ of load balancer `lb` is about to change, and with it what the scaling
    // rule reads of `lb` (an AZ's c_az, its outage or its low timer) when `rule_inputs`.
    virtual void before_change(std::size_t lb, bool rule_inputs) = 0;
    // The node in `slot` was launched; it enters service `in_service_after` from now (0: it
    // starts in service).
    virtual void launched(std::uint32_t slot, SimTime in_service_after) = 0;

   protected:
    ~Hooks() = default;
  };

  NodeLifecycle(const Scenario& scenario, Scheduler<FleetEvent>& scheduler, AddressBroker& broker,
                std::vector<LbState>& lbs, Hooks& hooks);

  // Tells `observer` of every address and DNS change from now on, after those subscribed before.
  void observe(FleetObserver& observer) { observers_.push_back(&observer); }

  // A new node of `lb` in `az`, launching (in service after its launch delay) or in service at
  // once (the initial fleet); it takes the pool's lowest free address or a managed one.
  std::uint32_t launch(std::size_t lb, std::size_t az, NodeState state);
  // A launching node enters service (and DNS, unless its AZ is impaired); the node it replaces,
  // if still in service, starts draining.
  void enter_service(std::uint32_t slot);
  void start_draining(std::uint32_t slot);
  void terminate(std::uint32_t slot);
  void release_address(std::uint32_t slot);
  void set_exposed(std::uint32_t slot, bool exposed);

  // The node in `slot`, about to be changed in a field that is not its state or retiring flag.
  Node& change(std::uint32_t slot);
  // Applies `apply` to the node in `slot` and keeps its AZ's c_az (AzState::counted) in step
  // with counts_in_c_az() of the node before and after: every change of a node's state or
  // retiring flag goes through here. Returns the node.
  template <class Transition>
  const Node& transition(std::uint32_t slot, Transition apply);
  // The AZ, about to be changed: its count, outage or low timer (the scaling rule's inputs).
  AzState& change_az(std::size_t lb, std::size_t az);

  const NodeTable& nodes() const { return nodes_; }

 private:
  SimTime now() const { return scheduler_.now(); }

  const Scenario& scenario_;
  Scheduler<FleetEvent>& scheduler_;
  AddressBroker& broker_;
  std::vector<LbState>& lbs_;
  Hooks& hooks_;
  std::vector<FleetObserver*> observers_;
  NodeTable nodes_;
  std::uint32_t next_node_id_ = 0;
};

template <class Transition>
const Node& NodeLifecycle::transition(std::uint32_t slot, Transition apply) {
  Node after = nodes_[slot];
  apply(after);
  const int delta = (counts_in_c_az(after) ? 1 : 0) - (counts_in_c_az(nodes_[slot]) ? 1 : 0);
  if (delta != 0) hooks_.before_change(after.lb, true);
  Node& node = nodes_[slot];
  node = after;
  lbs_[node.lb].azs[node.az].counted += delta;
  return node;
}

}  // namespace albsim
