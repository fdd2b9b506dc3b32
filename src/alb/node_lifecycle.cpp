#include "alb/node_lifecycle.hpp"

#include <algorithm>

#include "core/draw_duration.hpp"

namespace albsim {

NodeLifecycle::NodeLifecycle(const Scenario& scenario, Scheduler<FleetEvent>& scheduler,
                             AddressBroker& broker, std::vector<LbState>& lbs, Hooks& hooks)
    : scenario_(scenario), scheduler_(scheduler), broker_(broker), lbs_(lbs), hooks_(hooks) {}

Node& NodeLifecycle::change(std::uint32_t slot) {
  hooks_.before_change(nodes_[slot].lb, false);
  return nodes_[slot];
}

AzState& NodeLifecycle::change_az(std::size_t lb, std::size_t az) {
  hooks_.before_change(lb, true);
  return lbs_[lb].azs[az];
}

std::uint32_t NodeLifecycle::launch(std::size_t lb, std::size_t az, NodeState state) {
  const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
  AzState& az_state = change_az(lb, az);  // a launch adds to c_az
  Node node;
  node.id = next_node_id_++;
  node.lb = static_cast<std::uint32_t>(lb);
  node.az = static_cast<std::uint32_t>(az);
  node.state = state;
  const AddressBroker::Grant grant = broker_.acquire(lbs_[lb].pool);
  node.managed = !grant.pool;
  node.address = grant.address;
  node.pool = static_cast<std::uint32_t>(grant.pool.value_or(0));
  for (FleetObserver* o : observers_)
    o->address_acquired(now(), lb, az, node.address, node.managed);

  const std::uint32_t slot = nodes_.create(node);
  az_state.nodes.push_back(slot);
  if (counts_in_c_az(node)) ++az_state.counted;
  SimTime in_service_after;
  if (state == NodeState::launching) {
    in_service_after = draw_duration(spec.launch_delay, lbs_[lb].launch_delay_draws);
    scheduler_.schedule(now() + in_service_after, NodeInService{{slot, node.id}});
  } else if (lbs_[lb].azs[az].impaired == 0) {
    set_exposed(slot, true);
  }
  hooks_.launched(slot, in_service_after);
  return slot;
}

void NodeLifecycle::enter_service(std::uint32_t slot) {
  const Node& node = transition(slot, [](Node& changed) { changed.state = NodeState::in_service; });
  if (lbs_[node.lb].azs[node.az].impaired == 0) set_exposed(slot, true);
  const NodeRef replaced{node.replaces_slot, node.replaces_id};
  if (node.replaces_slot != kNoSlot && nodes_.holds(replaced) &&
      nodes_[replaced.slot].state == NodeState::in_service)
    start_draining(replaced.slot);
}

void NodeLifecycle::start_draining(std::uint32_t slot) {
  set_exposed(slot, false);
  const Node& node = transition(slot, [](Node& changed) { changed.state = NodeState::draining; });
  scheduler_.schedule(now() + scenario_.load_balancers[node.lb].drain_time,
                      NodeTermination{{slot, node.id}});
}

void NodeLifecycle::terminate(std::uint32_t slot) {
  const Node& node = transition(slot, [](Node& changed) { changed.state = NodeState::terminated; });
  // The AZ's node list, not its count: a draining node was not in c_az.
  auto& az_nodes = lbs_[node.lb].azs[node.az].nodes;
  az_nodes.erase(std::find(az_nodes.begin(), az_nodes.end(), slot));
  const SimTime delay = node.managed ? SimTime() : broker_.release_delay(node.pool);
  scheduler_.schedule(now() + delay, NodeAddressRelease{{slot, node.id}});
}

void NodeLifecycle::release_address(std::uint32_t slot) {
  const Node node = nodes_[slot];
  nodes_.destroy(slot);
  for (FleetObserver* o : observers_)
    o->address_released(now(), node.lb, node.address, node.managed);
  if (!node.managed) broker_.release(node.address);
}

void NodeLifecycle::set_exposed(std::uint32_t slot, bool exposed) {
  if (nodes_[slot].exposed == exposed) return;
  Node& node = change(slot);
  node.exposed = exposed;
  for (FleetObserver* o : observers_) o->exposure_changed(now(), node.lb, node.address, exposed);
}

}  // namespace albsim
