// Every address a simulated run's load balancers held: what the observation model
// (observation_model.hpp) shows through a source's eyes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <utility>
#include <vector>

#include "albsim/run_options.hpp"

namespace albsim {

inline constexpr std::int64_t kStillHeldMs = std::numeric_limits<std::int64_t>::max();

// One acquisition of an address by a node: held over [acquired_ms, released_ms), in DNS over
// each `exposed` interval (ms since the run's start; kStillHeldMs: to the end).
struct SimulatedAddress {
  std::size_t lb = 0, az = 0;
  std::uint32_t address = 0;
  std::int64_t acquired_ms = 0, released_ms = kStillHeldMs;
  std::vector<std::pair<std::int64_t, std::int64_t>> exposed;
};

// Records a run's address changes (SimulationOptions::address_log) as SimulatedAddresses, in
// the order of acquisition.
class SimulatedAddressLog final : public AddressLog {
 public:
  void acquired(SimTime t, std::size_t lb, std::size_t az, std::uint32_t address) override;
  void exposure(SimTime t, std::size_t lb, std::uint32_t address, bool exposed) override;
  void released(SimTime t, std::size_t lb, std::uint32_t address) override;

  const std::vector<SimulatedAddress>& addresses() const { return addresses_; }

 private:
  std::vector<SimulatedAddress> addresses_;
  std::map<std::pair<std::size_t, std::uint32_t>, std::size_t> open_;  // (lb, address) -> index
};

}  // namespace albsim
