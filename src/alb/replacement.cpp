#include "alb/replacement.hpp"

#include <algorithm>
#include <cmath>

namespace albsim {

Replacement::Replacement(const Scenario& scenario, Scheduler<FleetEvent>& scheduler,
                         const AddressBroker& broker, std::vector<LbState>& lbs,
                         NodeLifecycle& lifecycle)
    : scenario_(scenario),
      scheduler_(scheduler),
      broker_(broker),
      lbs_(lbs),
      lifecycle_(lifecycle) {
  for (std::size_t lb = 0; lb < scenario.load_balancers.size(); ++lb)
    if (scenario.load_balancers[lb].reclaim == ReclaimPolicy::replace)
      reclaiming_lbs_.push_back(lb);
}

void Replacement::schedule(std::uint32_t slot, SimTime not_before) {
  const Node& node = lifecycle_.nodes()[slot];
  const ReplacementSpec& replacement = scenario_.load_balancers[node.lb].replacement;
  if (replacement.kind == ReplacementSpec::Kind::none) return;
  const SimTime age =
      replacement.kind == ReplacementSpec::Kind::every
          ? replacement.age
          : SimTime::from_ms(std::llround(lbs_[node.lb].replacement_draws.exponential(
                static_cast<double>(replacement.age.ms()))));
  scheduler_.schedule(scheduler_.now() + std::max(age, not_before),
                      ReplacementDue{{slot, node.id}});
}

void Replacement::replace(std::uint32_t slot) {
  const Node old = lifecycle_.nodes()[slot];
  const std::uint32_t fresh = lifecycle_.launch(old.lb, old.az, NodeState::launching);
  Node& replacement = lifecycle_.change(fresh);
  replacement.replaces_slot = slot;
  replacement.replaces_id = old.id;
  lifecycle_.transition(slot, [](Node& node) { node.retiring = true; });
}

void Replacement::maintenance(std::size_t lb, double fraction) {
  const NodeTable& nodes = lifecycle_.nodes();
  std::vector<std::uint32_t> eligible;
  for (const AzState& az : lbs_[lb].azs)
    for (const std::uint32_t slot : az.nodes)
      if (nodes[slot].state == NodeState::in_service && !nodes[slot].retiring)
        eligible.push_back(slot);
  std::sort(eligible.begin(), eligible.end(),
            [&](std::uint32_t a, std::uint32_t b) { return nodes[a].id < nodes[b].id; });
  const auto count =
      static_cast<std::size_t>(tolerant_ceil(fraction * static_cast<double>(eligible.size())));
  for (std::size_t i = 0; i < count && i < eligible.size(); ++i) replace(eligible[i]);
}

bool Replacement::reclaims_into(std::size_t lb, std::size_t pool) const {
  return lbs_[lb].pool == pool && scenario_.load_balancers[lb].reclaim == ReclaimPolicy::replace;
}

void Replacement::reclaim(std::size_t pool, std::uint64_t count) {
  const NodeTable& nodes = lifecycle_.nodes();
  for (std::uint64_t k = 0; k < count && broker_.free_count(pool) > 0; ++k) {
    std::optional<std::uint32_t> victim;
    for (const std::size_t lb : reclaiming_lbs_) {
      if (victim) break;
      if (!reclaims_into(lb, pool)) continue;
      for (const AzState& az : lbs_[lb].azs)
        for (const std::uint32_t slot : az.nodes) {
          const Node& n = nodes[slot];
          if (n.state == NodeState::in_service && !n.retiring && n.managed &&
              (!victim || n.id < nodes[*victim].id))
            victim = slot;
        }
    }
    if (!victim) return;
    replace(*victim);
  }
}

}  // namespace albsim
