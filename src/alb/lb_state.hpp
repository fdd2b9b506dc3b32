// LbState: one load balancer's state that the fleet's parts share (MODEL.md §4): its AZs with
// their nodes, kept count c_az, outages and low timers; its pool and reserved LCU; what the
// scaling rule remembers between evaluations; its random streams. Plain data: each part of the
// fleet changes only what its job is (fleet.hpp lists who changes what).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "alb/scaling_rules.hpp"
#include "albsim/scenario.hpp"
#include "core/random_stream.hpp"

namespace albsim {

struct AzState {
  std::vector<std::uint32_t> nodes;  // slots of nodes not yet terminated
  // c_az (MODEL.md §4): its nodes for which counts_in_c_az() holds; kept by NodeLifecycle, so it
  // always equals node_count over `nodes`.
  int counted = 0;
  int impaired = 0;  // outages in force (they may overlap)
  LowTimer low_timer;
};

struct LbState {
  LbState(const LoadBalancerSpec& spec, std::uint64_t seed, std::uint64_t replication);

  std::optional<std::size_t> pool;
  std::vector<AzState> azs;
  int impaired_azs = 0;  // AZs with an outage in force
  Lcu reserved_lcu{0};
  // The next grid point needs a real evaluation: a node or AZ changed since the last one, or it
  // left a healthy AZ with r != c and no low timer (a partial scale-in).
  bool touched = true;
  int last_required = -1;  // r at the last point evaluated
  RandomStream launch_delay_draws;
  RandomStream replacement_draws;

  int healthy_azs() const { return static_cast<int>(azs.size()) - impaired_azs; }
  bool any_low_timer() const;
};

// r_az at `demand` (MODEL.md §4): every healthy AZ carries the same share of demand, so they
// share one requirement.
int requirement(const LoadBalancerSpec& spec, const LbState& state, double demand);

}  // namespace albsim
