#include "alb/scaling_rules.hpp"

#include <algorithm>
#include <cmath>

namespace albsim {

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
