// The Fleet's scaling grid (MODEL.md §4, scaling evaluation and initial state).
#include "alb/fleet.hpp"
#include "alb/victims.hpp"

namespace albsim {

void Fleet::schedule_first_evaluation() {
  if (lbs_.empty()) return;
  SimTime first = scenario_.horizon;
  for (const LbState& lb : lbs_) first = std::min(first, lb.next_evaluation);
  scheduler_.schedule(first, ScalingEvaluation{});
}

// Every healthy AZ carries the same share of demand, so they share one requirement.
int Fleet::requirement(std::size_t lb, double demand) const {
  const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
  return required_nodes({demand, lbs_[lb].healthy_azs(), static_cast<int>(spec.azs.size()),
                         lbs_[lb].reserved_lcu, spec.node_capacity_lcu, spec.min_nodes_per_az,
                         spec.max_nodes_per_az});
}

void Fleet::start() {
  for (std::size_t lb = 0; lb < lbs_.size(); ++lb) {
    const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
    const double demand = demand_.sample(lb, now());
    for (std::size_t az = 0; az < spec.azs.size(); ++az) {
      const int required =
          lbs_[lb].azs[az].impaired > 0 ? spec.min_nodes_per_az : requirement(lb, demand);
      for (int i = 0; i < required; ++i) launch(lb, az, NodeState::in_service);
    }
  }
}

void Fleet::evaluate_grid() {
  SimTime next = scenario_.horizon;
  for (std::size_t lb = 0; lb < lbs_.size(); ++lb) {
    SimTime& due = lbs_[lb].next_evaluation;
    if (due == now()) {
      evaluate_lb(lb);
      due += scenario_.load_balancers[lb].evaluation_interval;
    }
    next = std::min(next, due);
  }
  scheduler_.schedule(next, ScalingEvaluation{});
}

void Fleet::evaluate_lb(std::size_t lb) {
  const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
  LbState& state = lbs_[lb];
  const double demand = demand_.sample(lb, now());
  if (state.healthy_azs() == 0) return;
  const int required = requirement(lb, demand);
  if (!state.touched && required == state.last_required && !state.any_low_timer()) return;
  state.last_required = required;
  for (std::size_t az = 0; az < state.azs.size(); ++az) {
    if (state.azs[az].impaired > 0) continue;
    const int count = node_count(nodes_, state.azs[az].nodes);
    const ScalingDecision decision =
        evaluate_az(required, count, now(), spec.scale_in_cooldown, state.azs[az].low_timer);
    for (int i = 0; i < decision.launch; ++i) launch(lb, az, NodeState::launching);
    if (decision.drain > 0)
      for (const std::uint32_t slot :
           choose_victims(nodes_, state.azs[az].nodes, spec.scale_in_victims, decision.drain))
        start_draining(slot);
  }
  state.touched = false;  // after this loop every healthy AZ has r = c or a running timer
}

}  // namespace albsim
