#include "alb/lb_state.hpp"

#include <algorithm>

namespace albsim {

LbState::LbState(const LoadBalancerSpec& spec, std::uint64_t seed, std::uint64_t replication)
    : pool(spec.pool),
      azs(spec.azs.size()),
      reserved_lcu(spec.capacity_reservation_lcu),
      launch_delay_draws(seed, replication, "load_balancers/" + spec.id + "/launch_delay"),
      replacement_draws(seed, replication, "load_balancers/" + spec.id + "/replacement") {}

bool LbState::any_low_timer() const {
  return std::any_of(azs.begin(), azs.end(),
                     [](const AzState& az) { return az.low_timer.running; });
}

int requirement(const LoadBalancerSpec& spec, const LbState& state, double demand) {
  return required_nodes({Lcu(demand), state.healthy_azs(), static_cast<int>(spec.azs.size()),
                         state.reserved_lcu, spec.node_capacity_lcu, spec.min_nodes_per_az,
                         spec.max_nodes_per_az});
}

}  // namespace albsim
