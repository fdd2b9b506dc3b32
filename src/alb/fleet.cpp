#include "alb/fleet.hpp"

#include <algorithm>

namespace albsim {

std::uint32_t NodeTable::create(const Node& node) {
  if (!free_slots_.empty()) {
    const std::uint32_t slot = free_slots_.back();
    free_slots_.pop_back();
    slots_[slot] = node;
    live_[slot] = true;
    return slot;
  }
  slots_.push_back(node);
  live_.push_back(true);
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

void NodeTable::destroy(std::uint32_t slot) {
  live_[slot] = false;
  free_slots_.push_back(slot);
}

double LbRuntime::surge_factor() const {
  double factor = 1.0;
  for (const double m : surge_multipliers) factor *= m;
  return factor;
}

bool LbRuntime::any_low_timer() const {
  return std::any_of(azs.begin(), azs.end(),
                     [](const AzRuntime& az) { return az.low_timer.running; });
}

int node_count(const NodeTable& nodes, const AzRuntime& az) {
  int count = 0;
  for (const std::uint32_t slot : az.nodes) {
    const Node& node = nodes[slot];
    if (node.state == NodeState::launching) ++count;
    if (node.state == NodeState::in_service && !node.retiring) ++count;
  }
  return count;
}

std::vector<std::uint32_t> choose_victims(const NodeTable& nodes, const AzRuntime& az,
                                          VictimPolicy policy, int wanted) {
  std::vector<std::uint32_t> candidates;
  for (const std::uint32_t slot : az.nodes) {
    const Node& node = nodes[slot];
    if (node.state == NodeState::in_service && !node.retiring) candidates.push_back(slot);
  }
  auto id_of = [&](std::uint32_t slot) { return nodes[slot].id; };
  switch (policy) {
    case VictimPolicy::prefer_managed:
      std::sort(candidates.begin(), candidates.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (nodes[a].managed != nodes[b].managed) return nodes[a].managed;
        return id_of(a) > id_of(b);
      });
      break;
    case VictimPolicy::newest:
      std::sort(candidates.begin(), candidates.end(),
                [&](std::uint32_t a, std::uint32_t b) { return id_of(a) > id_of(b); });
      break;
    case VictimPolicy::oldest:
      std::sort(candidates.begin(), candidates.end(),
                [&](std::uint32_t a, std::uint32_t b) { return id_of(a) < id_of(b); });
      break;
  }
  if (static_cast<int>(candidates.size()) > wanted) candidates.resize(wanted);
  return candidates;
}

}  // namespace albsim
