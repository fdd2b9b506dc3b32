#include <algorithm>

#include "albsim/load_scenario.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

bool has_random_timing(const Scenario& scenario) {
  const bool random_lb = std::any_of(
      scenario.load_balancers.begin(), scenario.load_balancers.end(),
      [](const LoadBalancerSpec& lb) {
        return lb.launch_delay.kind != DurationDistribution::Kind::fixed ||
               lb.replacement.kind == ReplacementSpec::Kind::mean || lb.demand.noise_sigma > 0 ||
               (lb.demand.kind == DemandSpec::Kind::trace &&
                (lb.demand.trace.random_align || lb.demand.trace.bootstrap));
      });
  const bool random_pool = std::any_of(scenario.pools.begin(), scenario.pools.end(),
                                       [](const PoolSpec& pool) { return pool.random_allocation; });
  return random_lb || random_pool || !scenario.random_events.empty();
}

std::string how_to_sample(const Scenario& scenario) {
  const bool trace = std::any_of(
      scenario.load_balancers.begin(), scenario.load_balancers.end(),
      [](const LoadBalancerSpec& lb) { return lb.demand.kind == DemandSpec::Kind::trace; });
  return trace ? "give the trace \"bootstrap\": {\"block\": \"1d\"} or \"align\": \"random\""
               : "add random_events, noise or random delays";
}

}  // namespace albsim
