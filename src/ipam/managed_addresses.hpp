// ManagedAddresses: where AWS-managed fallback addresses come from. Each acquisition is a new,
// never-seen address: by default the next one of the synthetic range 240.0.0.0/4; with a list of
// AWS prefixes (a region's EC2 prefixes from ip-ranges.json), a uniformly random address of
// their union, drawn from the given stream and never repeated.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_set>
#include <vector>

#include "core/cidr_merge.hpp"
#include "core/random_stream.hpp"

namespace albsim {

class ManagedAddresses {
 public:
  static constexpr std::uint32_t kSyntheticBase = 0xF0000000u;  // 240.0.0.0/4

  ManagedAddresses() = default;
  ManagedAddresses(const std::vector<Cidr>& prefixes, RandomStream draws);

  std::uint32_t acquire();

 private:
  std::vector<AddressRange> ranges_;       // disjoint union of the prefixes
  std::vector<std::uint64_t> cumulative_;  // addresses before each range
  std::uint64_t total_ = 0;
  std::optional<RandomStream> draws_;
  std::unordered_set<std::uint32_t> issued_;
  std::uint32_t next_synthetic_ = kSyntheticBase;
};

}  // namespace albsim
