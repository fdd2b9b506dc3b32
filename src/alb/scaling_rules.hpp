// The per-AZ scaling rules of MODEL.md §4, as pure functions: the requirement r_az and the
// decision an evaluation takes from (r, c) and the AZ's low timer.
#pragma once

#include <algorithm>
#include <cmath>

#include "albsim/sim_time.hpp"
#include "albsim/units.hpp"

namespace albsim {

struct RequirementInput {
  Lcu demand{0};        // d(t), surges included
  int healthy_azs = 1;  // AZs not impaired
  int all_azs = 1;      // n_azs
  Lcu reserved{0};      // R
  Lcu node_capacity{25};
  int min_nodes = 1;
  int max_nodes = 20;
};

// ceil(x), treating a value within 1e-9 of an integer as that integer.
inline double tolerant_ceil(double x) {
  const double up = std::ceil(x);
  return up - x >= 1.0 - 1e-9 ? up - 1.0 : up;  // x within 1e-9 above an integer
}

// r_az = clamp(ceil(max(d / healthy, R / n) / capacity), min, max).
inline int required_nodes(const RequirementInput& in) {
  const Lcu share = in.demand / in.healthy_azs;
  const Lcu floor_share = in.reserved / in.all_azs;
  const double nodes = tolerant_ceil(std::max(share, floor_share) / in.node_capacity);
  return static_cast<int>(
      std::clamp(nodes, static_cast<double>(in.min_nodes), static_cast<double>(in.max_nodes)));
}

// The demands d whose requirement (with the other inputs of `in` fixed) is `required`: an
// interval, since r is non-decreasing in d. Found exactly by bisection over the doubles, so
// `contains(d)` answers required_nodes(in with d) == required without computing it. Empty when
// no demand gives `required`. O(64) evaluations of required_nodes.
struct DemandBand {
  double lo = 1, hi = 0;
  bool contains(double d) const { return lo <= d && d <= hi; }
};
DemandBand demand_band(RequirementInput in, int required);

// The low timer of one AZ: running while demand asked for fewer nodes than it has.
struct LowTimer {
  bool running = false;
  SimTime since;
  int max_required = 0;
  bool operator==(const LowTimer&) const = default;
};

struct ScalingDecision {
  int launch = 0;  // nodes to launch now
  int drain = 0;   // victims to drain now
};

// One scaling evaluation of an AZ at time t with requirement r and count c; updates the timer.
ScalingDecision evaluate_az(int required, int count, SimTime now, SimTime cooldown,
                            LowTimer& timer);

}  // namespace albsim
