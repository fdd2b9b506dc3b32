// Pool forest structure check (Boost.Graph): the parent links of IPAM pools must form a forest
// no deeper than IPAM allows. Works on indices only; the scenario layer turns a fault into a
// message with the pool's JSON pointer.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace albsim {

inline constexpr int kMaxPoolDepth = 10;

struct PoolForest {
  enum class Fault { none, cycle, too_deep };
  Fault fault = Fault::none;
  std::size_t fault_pool = 0;         // a pool on the cycle, or the first one too deep
  std::vector<std::size_t> top_down;  // every pool, each after its parent
  std::vector<int> depth;             // 1 for a top-level pool
};

// `parent[i]` is pool i's parent index, if any.
PoolForest analyse_pool_forest(const std::vector<std::optional<std::size_t>>& parent);

}  // namespace albsim
