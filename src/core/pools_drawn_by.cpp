#include <algorithm>

#include "albsim/scenario.hpp"

namespace albsim {

std::vector<std::size_t> pools_drawn_by(const Scenario& scenario, std::size_t lb) {
  std::vector<std::size_t> pools;
  if (const auto pool = scenario.load_balancers[lb].pool) pools.push_back(*pool);
  for (const EventSpec& e : scenario.events)
    if (const auto* attach = e.as<AttachPoolEvent>();
        attach && attach->pool && (!attach->lb || *attach->lb == lb))
      pools.push_back(*attach->pool);
  std::sort(pools.begin(), pools.end());
  pools.erase(std::unique(pools.begin(), pools.end()), pools.end());
  return pools;
}

}  // namespace albsim
