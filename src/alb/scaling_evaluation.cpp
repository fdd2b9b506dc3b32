// The Fleet's scaling grid (MODEL.md §4, scaling evaluation and initial state).
#include "alb/fleet.hpp"
#include "alb/victims.hpp"

namespace albsim {

void Fleet::schedule_first_evaluation() {
  for (std::size_t lb = 0; lb < lbs_.size(); ++lb) set_wake(lb, 1);
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
    const double demand = demand_.sample_start(lb);
    for (std::size_t az = 0; az < spec.azs.size(); ++az) {
      const int required =
          lbs_[lb].azs[az].impaired > 0 ? spec.min_nodes_per_az : requirement(lb, demand);
      for (int i = 0; i < required; ++i) launch(lb, az, NodeState::in_service);
    }
  }
}

// The load balancers whose wake is now, in index order (the order of MODEL.md §4).
void Fleet::evaluate_grid() {
  if (armed_ == now()) armed_.reset();
  due_.clear();
  while (!wakes_.empty() && wakes_.top().first == now()) {
    const std::size_t lb = wakes_.top().second;
    wakes_.pop();
    const std::int64_t wake = lbs_[lb].wake;
    if ((due_.empty() || due_.back() != lb) && wake != kNoWake &&
        demand_.point_time(lb, wake) == now())
      due_.push_back(lb);
  }
  for (const std::size_t lb : due_) evaluate_point(lb);
  while (!wakes_.empty()) {  // arm the next wake, dropping stale entries on the way
    const auto [at, lb] = wakes_.top();
    const std::int64_t wake = lbs_[lb].wake;
    if (wake != kNoWake && demand_.point_time(lb, wake) == at) {
      arm(at);
      break;
    }
    wakes_.pop();
  }
}

// A real evaluation at the grid point `now`, after the quiet points before it; then a look
// ahead for the next one.
void Fleet::evaluate_point(std::size_t lb) {
  const std::int64_t point = lbs_[lb].wake;
  catch_up_before(lb, point);
  if (demand_.next_point(lb) == demand_.block_end(lb)) {
    demand_.next_block(lb);
    lbs_[lb].memo.valid = false;
  }
  const double demand = demand_.at(lb, point);
  demand_.consume_through(lb, point);
  lbs_[lb].memo.holds = false;
  evaluating_ = lb;
  evaluate_lb(lb, demand);
  evaluating_.reset();
  look_ahead(lb);
}

void Fleet::evaluate_lb(std::size_t lb, double demand) {
  const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
  LbState& state = lbs_[lb];
  if (state.healthy_azs() == 0) return;
  const int required = requirement(lb, demand);
  if (!state.touched && required == state.last_required && !state.any_low_timer()) return;
  state.last_required = required;
  for (std::size_t az = 0; az < state.azs.size(); ++az) {
    if (state.azs[az].impaired > 0) continue;
    const int count = state.azs[az].counted;
    const ScalingDecision decision =
        evaluate_az(required, count, now(), spec.scale_in_cooldown, state.azs[az].low_timer);
    for (int i = 0; i < decision.launch; ++i) launch(lb, az, NodeState::launching);
    if (decision.drain > 0)
      for (const std::uint32_t slot :
           choose_victims(nodes_, state.azs[az].nodes, spec.scale_in_victims, decision.drain))
        start_draining(slot);
  }
  // The next point may skip its evaluation only if it would change nothing: every healthy AZ has
  // r = c or a running timer. A partial scale-in (low_max above r) leaves c = low_max > r with no
  // timer, and the next evaluation must start a new one (MODEL.md §4).
  state.touched = false;
  for (const AzState& az : state.azs)
    if (az.impaired == 0 && az.counted != required && !az.low_timer.running) state.touched = true;
}

}  // namespace albsim
