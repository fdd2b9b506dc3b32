// The scaling rule (MODEL.md §4, initial state and scaling evaluation).
#include "alb/fleet.hpp"
#include "alb/victims.hpp"

namespace albsim {

void Fleet::start() {
  for (std::size_t lb = 0; lb < lbs_.size(); ++lb) {
    const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
    const double demand = demand_.sample_start(lb);
    for (std::size_t az = 0; az < spec.azs.size(); ++az) {
      const int required = lbs_[lb].azs[az].impaired > 0 ? spec.min_nodes_per_az
                                                         : requirement(spec, lbs_[lb], demand);
      for (int i = 0; i < required; ++i) lifecycle_.launch(lb, az, NodeState::in_service);
    }
  }
}

void Fleet::evaluate(std::size_t lb, double demand) {
  const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
  LbState& state = lbs_[lb];
  if (state.healthy_azs() == 0) return;
  const int required = requirement(spec, state, demand);
  if (!state.touched && required == state.last_required && !state.any_low_timer()) return;
  state.last_required = required;
  for (std::size_t az = 0; az < state.azs.size(); ++az) {
    if (state.azs[az].impaired > 0) continue;
    const int count = state.azs[az].counted;
    const ScalingDecision decision =
        evaluate_az(required, count, now(), spec.scale_in_cooldown, state.azs[az].low_timer);
    for (int i = 0; i < decision.launch; ++i) lifecycle_.launch(lb, az, NodeState::launching);
    if (decision.drain > 0)
      for (const std::uint32_t slot :
           choose_victims(nodes(), state.azs[az].nodes, spec.scale_in_victims, decision.drain))
        lifecycle_.start_draining(slot);
  }
  // The next point may skip its evaluation only if it would change nothing: every healthy AZ has
  // r = c or a running timer. A partial scale-in (low_max above r) leaves c = low_max > r with no
  // timer, and the next evaluation must start a new one (MODEL.md §4).
  state.touched = false;
  for (const AzState& az : state.azs)
    if (az.impaired == 0 && az.counted != required && !az.low_timer.running) state.touched = true;
}

}  // namespace albsim
