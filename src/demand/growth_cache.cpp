#include "demand/growth_cache.hpp"

#include "demand/demand_profile.hpp"

namespace albsim {

std::span<const double> GrowthCache::factors(double log_growth_per_ms, SimTime first, SimTime step,
                                             std::size_t count) {
  Block& block = latest_[{log_growth_per_ms, step.ms()}];
  if (block.first != first || block.factors.size() != count) {
    block.first = first;
    block.factors.resize(count);
    SimTime t = first;
    for (double& factor : block.factors) {
      factor = growth_factor(log_growth_per_ms, t);
      t += step;
    }
  }
  return block.factors;
}

}  // namespace albsim
