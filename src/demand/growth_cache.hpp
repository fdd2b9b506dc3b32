// GrowthCache: the growth multipliers growth_factor(rate, t) of a block of grid points, shared by
// every load balancer with the same growth rate and grid: their blocks line up (blocks start at
// point 1 and have one size), so each block's exponentials are computed once for all of them.
// Keeps the latest block per (rate, step): memory is one block per distinct pair.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <utility>
#include <vector>

#include "albsim/sim_time.hpp"

namespace albsim {

class GrowthCache {
 public:
  // growth_factor(log_growth_per_ms, first + i * step) for i in [0, count); valid until the
  // next call.
  std::span<const double> factors(double log_growth_per_ms, SimTime first, SimTime step,
                                  std::size_t count);

 private:
  struct Block {
    SimTime first;
    std::vector<double> factors;
  };
  std::map<std::pair<double, std::int64_t>, Block> latest_;
};

}  // namespace albsim
