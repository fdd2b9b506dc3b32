// PoolObserver: hears every change of a pool's capacity or addresses in use, as the address
// broker makes it (at t = 0 once per pool, then at each allocation, release and add_cidr).
#pragma once

#include <cstddef>
#include <cstdint>

#include "albsim/sim_time.hpp"

namespace albsim {

// A pool's addresses after a change.
struct PoolState {
  std::uint64_t capacity = 0;  // owned
  std::uint64_t in_use = 0;    // held by nodes and reservations
  std::uint64_t reserved = 0;  // held by the pool's reservations (MODEL.md §3), within in_use
};

class PoolObserver {
 public:
  virtual void pool_changed(SimTime now, std::size_t pool, const PoolState& state) = 0;

 protected:
  ~PoolObserver() = default;
};

}  // namespace albsim
