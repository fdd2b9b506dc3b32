#include "alb/victims.hpp"

#include <algorithm>

namespace albsim {

int node_count(const NodeTable& nodes, const std::vector<std::uint32_t>& az_nodes) {
  int count = 0;
  for (const std::uint32_t slot : az_nodes)
    if (counts_in_c_az(nodes[slot])) ++count;
  return count;
}

std::vector<std::uint32_t> choose_victims(const NodeTable& nodes,
                                          const std::vector<std::uint32_t>& az_nodes,
                                          VictimPolicy policy, int wanted) {
  std::vector<std::uint32_t> candidates;
  for (const std::uint32_t slot : az_nodes) {
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
