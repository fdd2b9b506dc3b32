#include "reference/plain_addresses.hpp"

namespace albsim::reference {

PlainAddresses::PlainAddresses(const Scenario& scenario) : owned_(scenario.pools.size()) {
  for (const std::size_t pool : scenario.pools_top_down)
    for (const Cidr& cidr : scenario.pools[pool].cidrs) provision(pool, cidr);
}

void PlainAddresses::provision(std::size_t pool, const Cidr& cidr) {
  for (std::uint64_t a = cidr.first(); a <= cidr.last(); ++a) {
    const auto address = static_cast<std::uint32_t>(a);
    const auto it = owner_.find(address);
    if (it != owner_.end()) owned_[it->second].erase(address);
    owner_[address] = pool;
    owned_[pool].insert(address);
  }
}

std::optional<std::uint32_t> PlainAddresses::take_lowest(std::size_t pool) {
  for (const std::uint32_t address : owned_[pool])
    if (held_.insert(address).second) return address;
  return std::nullopt;
}

std::size_t PlainAddresses::give_back(std::uint32_t address) {
  held_.erase(address);
  return owner_.at(address);
}

std::uint64_t PlainAddresses::in_use(std::size_t pool) const {
  std::uint64_t count = 0;
  for (const std::uint32_t address : held_)
    if (owner_.at(address) == pool) ++count;
  return count;
}

}  // namespace albsim::reference
