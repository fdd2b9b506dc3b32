#include "observe/snapshot_holdings.hpp"

namespace albsim {

std::vector<ObservedHolding> holdings_from_snapshots(const std::vector<TimedSnapshot>& snapshots,
                                                     std::int64_t covered_to_ms) {
  std::vector<ObservedHolding> holdings;
  std::map<SnapshotKey, ObservedHolding> open;  // from_ms set
  for (const TimedSnapshot& snapshot : snapshots) {
    for (auto it = open.begin(); it != open.end();) {
      if (snapshot.nodes.count(it->first)) {
        ++it;
        continue;
      }
      it->second.to_ms = snapshot.time_ms;
      holdings.push_back(std::move(it->second));
      it = open.erase(it);
    }
    for (const auto& [key, node] : snapshot.nodes) {
      auto [it, inserted] = open.try_emplace(key, node);
      if (inserted) it->second.from_ms = snapshot.time_ms;
    }
  }
  for (auto& [key, node] : open) {
    node.to_ms = covered_to_ms;
    holdings.push_back(std::move(node));
  }
  return holdings;
}

}  // namespace albsim
