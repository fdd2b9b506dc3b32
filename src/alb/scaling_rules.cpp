#include "alb/scaling_rules.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

namespace albsim {

namespace {

// The smallest non-negative double d (by bit pattern, which orders them) with
// required_nodes(d) >= target, or nullopt when even the largest finite double falls short.
std::optional<double> first_demand_reaching(RequirementInput in, int target) {
  auto reaches = [&](std::uint64_t bits) {
    in.demand = Lcu(std::bit_cast<double>(bits));
    return required_nodes(in) >= target;
  };
  std::uint64_t lo = 0;
  std::uint64_t hi = std::bit_cast<std::uint64_t>(std::numeric_limits<double>::max());
  if (!reaches(hi)) return std::nullopt;
  while (lo < hi) {  // invariant: reaches(hi); everything below lo does not reach
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (reaches(mid))
      hi = mid;
    else
      lo = mid + 1;
  }
  return std::bit_cast<double>(lo);
}

}  // namespace

DemandBand demand_band(RequirementInput in, int required) {
  const std::optional<double> lo = first_demand_reaching(in, required);
  if (!lo) return {};
  in.demand = Lcu(*lo);
  if (required_nodes(in) != required) return {};  // the requirement jumps over `required`
  const std::optional<double> above = first_demand_reaching(in, required + 1);
  const double hi = above ? std::bit_cast<double>(std::bit_cast<std::uint64_t>(*above) - 1)
                          : std::numeric_limits<double>::max();
  return {*lo, hi};
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
