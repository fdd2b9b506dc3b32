#include "ipam/managed_addresses.hpp"

#include <algorithm>

namespace albsim {

ManagedAddresses::ManagedAddresses(const std::vector<Cidr>& prefixes, RandomStream draws)
    : ranges_(merge_ranges(prefixes)), draws_(draws) {
  for (const AddressRange& r : ranges_) {
    cumulative_.push_back(total_);
    total_ += std::uint64_t{r.second} - r.first + 1;
  }
}

std::uint32_t ManagedAddresses::acquire() {
  if (!draws_ || issued_.size() >= total_) return next_synthetic_++;
  while (true) {
    const std::uint64_t rank = draws_->below(total_);
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), rank) - 1;
    const AddressRange& range = ranges_[static_cast<std::size_t>(it - cumulative_.begin())];
    const auto address = static_cast<std::uint32_t>(range.first + (rank - *it));
    if (issued_.insert(address).second) return address;
  }
}

}  // namespace albsim
