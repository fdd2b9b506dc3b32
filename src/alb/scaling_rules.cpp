#include "alb/scaling_rules.hpp"

#include <algorithm>
#include <cmath>

namespace albsim {

double tolerant_ceil(double x) {
  const double nearest = std::round(x);
  if (std::fabs(x - nearest) <= 1e-9) return nearest;
  return std::ceil(x);
}

int required_nodes(const RequirementInput& in) {
  const double share = in.demand_lcu / in.healthy_azs;
  const double floor_share = in.reserved_lcu / in.all_azs;
  const double nodes = tolerant_ceil(std::max(share, floor_share) / in.node_capacity_lcu);
  const double clamped = std::clamp(nodes, static_cast<double>(in.min_nodes),
                                    static_cast<double>(in.max_nodes));
  return static_cast<int>(clamped);
}

ScalingDecision evaluate_az(int required, int count, SimTime now, SimTime cooldown,
                            LowTimer& timer) {
  ScalingDecision decision;
  if (required >= count) {
    if (required > count) decision.launch = required - count;
    timer.running = false;
    return decision;
  }
  if (!timer.running) {
    timer = LowTimer{true, now, required};
  } else {
    timer.max_required = std::max(timer.max_required, required);
  }
  if (now - timer.since >= cooldown) {
    decision.drain = count - timer.max_required;
    timer.running = false;
  }
  return decision;
}

}  // namespace albsim
