// The Fleet's replacements (MODEL.md §4, replacement, maintenance and reclaim).
#include <algorithm>
#include <cmath>

#include "alb/fleet.hpp"

namespace albsim {

// A node is replaced at its age, but never before it is in service.
void Fleet::schedule_replacement(std::uint32_t slot, SimTime not_before) {
  const Node& node = nodes_[slot];
  const ReplacementSpec& replacement = scenario_.load_balancers[node.lb].replacement;
  if (replacement.kind == ReplacementSpec::Kind::none) return;
  const SimTime age =
      replacement.kind == ReplacementSpec::Kind::every
          ? replacement.age
          : SimTime::from_ms(std::llround(lbs_[node.lb].replacement_draws.exponential(
                static_cast<double>(replacement.age.ms()))));
  scheduler_.schedule(now() + std::max(age, not_before), ReplacementDue{{slot, node.id}});
}

void Fleet::replace(std::uint32_t slot) {
  const Node old = nodes_[slot];
  const std::uint32_t fresh = launch(old.lb, old.az, NodeState::launching);
  Node& replacement = change(fresh);
  replacement.replaces_slot = slot;
  replacement.replaces_id = old.id;
  transition(slot, [](Node& node) { node.retiring = true; });
}

void Fleet::maintenance(std::size_t lb, double fraction) {
  std::vector<std::uint32_t> eligible;
  for (const AzState& az : lbs_[lb].azs)
    for (const std::uint32_t slot : az.nodes)
      if (nodes_[slot].state == NodeState::in_service && !nodes_[slot].retiring)
        eligible.push_back(slot);
  std::sort(eligible.begin(), eligible.end(),
            [&](std::uint32_t a, std::uint32_t b) { return nodes_[a].id < nodes_[b].id; });
  const auto count =
      static_cast<std::size_t>(tolerant_ceil(fraction * static_cast<double>(eligible.size())));
  for (std::size_t i = 0; i < count && i < eligible.size(); ++i) replace(eligible[i]);
}

bool Fleet::reclaims_into(std::size_t lb, std::size_t pool) const {
  return lbs_[lb].pool == pool && scenario_.load_balancers[lb].reclaim == ReclaimPolicy::replace;
}

void Fleet::addresses_freed(std::size_t pool, std::uint64_t count) {
  for (std::uint64_t k = 0; k < count && broker_.free_count(pool) > 0; ++k) {
    std::optional<std::uint32_t> victim;
    for (const std::size_t lb : reclaiming_lbs_) {
      if (victim) break;
      if (!reclaims_into(lb, pool)) continue;
      for (const AzState& az : lbs_[lb].azs)
        for (const std::uint32_t slot : az.nodes) {
          const Node& n = nodes_[slot];
          if (n.state == NodeState::in_service && !n.retiring && n.managed &&
              (!victim || n.id < nodes_[*victim].id))
            victim = slot;
        }
    }
    if (!victim) return;
    replace(*victim);
  }
}

}  // namespace albsim
