// The per-AZ scaling rules of MODEL.md §4, as pure functions: the requirement r_az and the
// decision an evaluation takes from (r, c) and the AZ's low timer.
#pragma once

#include "albsim/sim_time.hpp"

namespace albsim {

struct RequirementInput {
  double demand_lcu = 0;          // d(t), surges included
  int healthy_azs = 1;            // AZs not impaired
  int all_azs = 1;                // n_azs
  double reserved_lcu = 0;        // R
  double node_capacity_lcu = 25;
  int min_nodes = 1;
  int max_nodes = 20;
};

// ceil(x), treating a value within 1e-9 of an integer as that integer.
double tolerant_ceil(double x);

// r_az = clamp(ceil(max(d / healthy, R / n) / capacity), min, max).
int required_nodes(const RequirementInput& in);

// The low timer of one AZ: running while demand asked for fewer nodes than it has.
struct LowTimer {
  bool running = false;
  SimTime since;
  int max_required = 0;
};

struct ScalingDecision {
  int launch = 0;  // nodes to launch now
  int drain = 0;   // victims to drain now
};

// One scaling evaluation of an AZ at time t with requirement r and count c; updates the timer.
ScalingDecision evaluate_az(int required, int count, SimTime now, SimTime cooldown, LowTimer& timer);

}  // namespace albsim
