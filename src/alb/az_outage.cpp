// The Fleet under AZ outages (MODEL.md §4, AZ outage): an impaired AZ's nodes leave DNS but keep
// their addresses, its low timer is cleared, and it is not evaluated until it recovers.
#include <algorithm>

#include "alb/fleet.hpp"

namespace albsim {

void Fleet::set_az_impaired(std::size_t lb, const std::string& az_name, bool impaired) {
  const auto& names = scenario_.load_balancers[lb].azs;
  const auto it = std::find(names.begin(), names.end(), az_name);
  if (it == names.end()) return;  // not one of this load balancer's AZs
  AzState& az = lifecycle_.change_az(lb, static_cast<std::size_t>(it - names.begin()));
  if (impaired) {
    if (az.impaired++ > 0) return;
    ++lbs_[lb].impaired_azs;
    az.low_timer.running = false;
    for (const std::uint32_t slot : az.nodes) lifecycle_.set_exposed(slot, false);
  } else {
    if (--az.impaired > 0) return;
    --lbs_[lb].impaired_azs;
    for (const std::uint32_t slot : az.nodes)
      if (nodes()[slot].state == NodeState::in_service) lifecycle_.set_exposed(slot, true);
  }
}

}  // namespace albsim
