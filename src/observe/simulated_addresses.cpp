#include "observe/simulated_addresses.hpp"

namespace albsim {

void SimulatedAddressLog::acquired(SimTime t, std::size_t lb, std::size_t az,
                                   std::uint32_t address) {
  open_[{lb, address}] = addresses_.size();
  addresses_.push_back({lb, az, address, t.ms(), kStillHeldMs, {}});
}

void SimulatedAddressLog::exposure(SimTime t, std::size_t lb, std::uint32_t address, bool exposed) {
  SimulatedAddress& a = addresses_[open_.at({lb, address})];
  if (exposed)
    a.exposed.emplace_back(t.ms(), kStillHeldMs);
  else
    a.exposed.back().second = t.ms();
}

void SimulatedAddressLog::released(SimTime t, std::size_t lb, std::uint32_t address) {
  const auto it = open_.find({lb, address});
  addresses_[it->second].released_ms = t.ms();
  open_.erase(it);
}

}  // namespace albsim
