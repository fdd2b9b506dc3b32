// Holdings from periodic snapshots of which nodes hold which addresses (ENI snapshots, Public
// IP Insights): a node holds its address from the first snapshot showing it to the first that
// does not, and past the last snapshot to the end of coverage.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "observe/observation.hpp"

namespace albsim {

// A node in one snapshot, keyed by its network interface and address.
using SnapshotKey = std::pair<std::string, std::uint32_t>;

struct TimedSnapshot {
  std::int64_t time_ms = 0;
  std::map<SnapshotKey, ObservedHolding> nodes;  // each holding's times are not yet set
};

// `snapshots` ascending in time; `covered_to_ms` where the last one's state ends.
std::vector<ObservedHolding> holdings_from_snapshots(const std::vector<TimedSnapshot>& snapshots,
                                                     std::int64_t covered_to_ms);

}  // namespace albsim
