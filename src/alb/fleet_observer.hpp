// FleetObserver: hears every address and DNS change of every node as the fleet makes it: an
// address taken at launch, shown in and taken out of DNS, given back after termination (and the
// pool's release delay). The fleet tells each observer once per change, in the order of
// subscription; several changes may fall within one instant.
#pragma once

#include <cstddef>
#include <cstdint>

#include "albsim/sim_time.hpp"

namespace albsim {

class FleetObserver {
 public:
  virtual void address_acquired(SimTime now, std::size_t lb, std::size_t az, std::uint32_t address,
                                bool managed) = 0;
  virtual void exposure_changed(SimTime now, std::size_t lb, std::uint32_t address,
                                bool exposed) = 0;
  virtual void address_released(SimTime now, std::size_t lb, std::uint32_t address,
                                bool managed) = 0;

 protected:
  ~FleetObserver() = default;
};

}  // namespace albsim
