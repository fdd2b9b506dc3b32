#include "alb/fleet.hpp"

#include <algorithm>

#include "core/draw_duration.hpp"

namespace albsim {

Fleet::LbState::LbState(const LoadBalancerSpec& spec, std::uint64_t seed, std::uint64_t replication)
    : pool(spec.pool),
      azs(spec.azs.size()),
      reserved_lcu(spec.capacity_reservation_lcu),
      launch_delay_draws(seed, replication, "load_balancers/" + spec.id + "/launch_delay"),
      replacement_draws(seed, replication, "load_balancers/" + spec.id + "/replacement") {}

bool Fleet::LbState::any_low_timer() const {
  return std::any_of(azs.begin(), azs.end(),
                     [](const AzState& az) { return az.low_timer.running; });
}

Fleet::Fleet(const Scenario& scenario, std::uint64_t replication, Scheduler<FleetEvent>& scheduler,
             AddressBroker& broker, DemandDriver& demand)
    : scenario_(scenario), scheduler_(scheduler), broker_(broker), demand_(demand) {
  for (std::size_t lb = 0; lb < scenario.load_balancers.size(); ++lb) {
    const LoadBalancerSpec& spec = scenario.load_balancers[lb];
    lbs_.emplace_back(spec, scenario.seed, replication);
    if (spec.reclaim == ReclaimPolicy::replace) reclaiming_lbs_.push_back(lb);
  }
  broker.set_freed_listener(*this);
  demand.set_listener(*this);
}

Node& Fleet::change(std::uint32_t slot) {
  Node& node = nodes_[slot];
  touch(node.lb);
  return node;
}

Fleet::AzState& Fleet::change_az(std::size_t lb, std::size_t az) {
  touch(lb);
  return lbs_[lb].azs[az];
}

void Fleet::handle(const FleetEvent& event) {
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, ScalingEvaluation>) {
          evaluate_grid();
        } else {
          if (!nodes_.holds(e.node)) return;  // the node is gone: a stale event
          if constexpr (std::is_same_v<E, NodeAddressRelease>) release_address(e.node.slot);
          if constexpr (std::is_same_v<E, NodeTermination>) terminate(e.node.slot);
          if constexpr (std::is_same_v<E, NodeInService>) enter_service(e.node.slot);
          if constexpr (std::is_same_v<E, ReplacementDue>) {
            const Node& node = nodes_[e.node.slot];
            if (node.state == NodeState::in_service && !node.retiring) replace(e.node.slot);
          }
        }
      },
      event);
}

bool Fleet::is_spent(const FleetEvent& event) const {
  return std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, ScalingEvaluation>) {
          return false;
        } else {
          if (!nodes_.holds(e.node)) return true;
          if constexpr (std::is_same_v<E, ReplacementDue>) {
            const Node& node = nodes_[e.node.slot];
            return node.retiring || node.state == NodeState::draining ||
                   node.state == NodeState::terminated;
          }
          return false;
        }
      },
      event);
}

std::uint32_t Fleet::launch(std::size_t lb, std::size_t az, NodeState state) {
  const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
  touch(lb);
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
  AzState& az_state = change_az(lb, az);
  az_state.nodes.push_back(slot);
  if (counts_in_c_az(node)) ++az_state.counted;
  SimTime in_service_after;
  if (state == NodeState::launching) {
    in_service_after = draw_duration(spec.launch_delay, lbs_[lb].launch_delay_draws);
    scheduler_.schedule(now() + in_service_after, NodeInService{{slot, node.id}});
  } else if (lbs_[lb].azs[az].impaired == 0) {
    set_exposed(slot, true);
  }
  schedule_replacement(slot, in_service_after);
  return slot;
}

void Fleet::enter_service(std::uint32_t slot) {
  const Node& node = transition(slot, [](Node& changed) { changed.state = NodeState::in_service; });
  if (lbs_[node.lb].azs[node.az].impaired == 0) set_exposed(slot, true);
  const NodeRef replaced{node.replaces_slot, node.replaces_id};
  if (node.replaces_slot != kNoSlot && nodes_.holds(replaced) &&
      nodes_[replaced.slot].state == NodeState::in_service)
    start_draining(replaced.slot);
}

void Fleet::start_draining(std::uint32_t slot) {
  set_exposed(slot, false);
  const Node& node = transition(slot, [](Node& changed) { changed.state = NodeState::draining; });
  scheduler_.schedule(now() + scenario_.load_balancers[node.lb].drain_time,
                      NodeTermination{{slot, node.id}});
}

void Fleet::terminate(std::uint32_t slot) {
  const Node& node = transition(slot, [](Node& changed) { changed.state = NodeState::terminated; });
  auto& az_nodes = change_az(node.lb, node.az).nodes;
  az_nodes.erase(std::find(az_nodes.begin(), az_nodes.end(), slot));
  const SimTime delay = node.managed ? SimTime() : broker_.release_delay(node.pool);
  scheduler_.schedule(now() + delay, NodeAddressRelease{{slot, node.id}});
}

void Fleet::release_address(std::uint32_t slot) {
  const Node node = nodes_[slot];
  nodes_.destroy(slot);
  for (FleetObserver* o : observers_)
    o->address_released(now(), node.lb, node.address, node.managed);
  if (!node.managed) broker_.release(node.address);
}

void Fleet::set_exposed(std::uint32_t slot, bool exposed) {
  if (nodes_[slot].exposed == exposed) return;
  Node& node = change(slot);
  node.exposed = exposed;
  for (FleetObserver* o : observers_) o->exposure_changed(now(), node.lb, node.address, exposed);
}

}  // namespace albsim
