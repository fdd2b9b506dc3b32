#include "alb/fleet.hpp"

namespace albsim {
namespace {

std::vector<LbState> initial_states(const Scenario& scenario, std::uint64_t replication) {
  std::vector<LbState> lbs;
  for (const LoadBalancerSpec& spec : scenario.load_balancers)
    lbs.emplace_back(spec, scenario.seed, replication);
  return lbs;
}

}  // namespace

Fleet::Fleet(const Scenario& scenario, std::uint64_t replication, Scheduler<FleetEvent>& scheduler,
             AddressBroker& broker, DemandDriver& demand)
    : scenario_(scenario),
      scheduler_(scheduler),
      demand_(demand),
      lbs_(initial_states(scenario, replication)),
      lifecycle_(scenario, scheduler, broker, lbs_, *this),
      replacement_(scenario, scheduler, broker, lbs_, lifecycle_),
      grid_(scenario, scheduler, demand, lbs_, *this) {
  broker.set_freed_listener(*this);
  demand.set_listener(*this);
}

void Fleet::handle(const FleetEvent& event) {
  std::visit(
      [&](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, ScalingEvaluation>) {
          grid_.evaluate_due();
        } else {
          if (!nodes().holds(e.node)) return;  // the node is gone: a stale event
          if constexpr (std::is_same_v<E, NodeAddressRelease>)
            lifecycle_.release_address(e.node.slot);
          if constexpr (std::is_same_v<E, NodeTermination>) lifecycle_.terminate(e.node.slot);
          if constexpr (std::is_same_v<E, NodeInService>) lifecycle_.enter_service(e.node.slot);
          if constexpr (std::is_same_v<E, ReplacementDue>) {
            const Node& node = nodes()[e.node.slot];
            if (node.state == NodeState::in_service && !node.retiring)
              replacement_.replace(e.node.slot);
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
          if (!nodes().holds(e.node)) return true;
          if constexpr (std::is_same_v<E, ReplacementDue>) {
            const Node& node = nodes()[e.node.slot];
            return node.retiring || node.state == NodeState::draining ||
                   node.state == NodeState::terminated;
          }
          return false;
        }
      },
      event);
}

void Fleet::set_reserved_lcu(std::size_t lb, Lcu lcu) {
  grid_.catch_up(lb);
  lbs_[lb].reserved_lcu = lcu;
  grid_.inputs_changed(lb);
}

}  // namespace albsim
