// PoolObserver: hears every change of a pool's capacity or addresses in use, as the address
// broker makes it (at t = 0 once per pool, then at each allocation, release and add_cidr).
#pragma once

#include <cstddef>
#include <cstdint>

#include "albsim/sim_time.hpp"

namespace albsim {

class PoolObserver {
 public:
  virtual void pool_changed(SimTime now, std::size_t pool, std::uint64_t capacity,
                            std::uint64_t in_use) = 0;

 protected:
  ~PoolObserver() = default;
};

}  // namespace albsim
