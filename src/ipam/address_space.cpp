#include "ipam/address_space.hpp"

#include <algorithm>
#include <cassert>

namespace albsim {

std::optional<std::size_t> AddressSpace::provision(std::size_t pool, const Cidr& cidr) {
  const std::uint32_t first = cidr.first();
  const std::uint32_t last = cidr.last();
  std::optional<std::size_t> previous_owner;
  std::vector<AddressPool::Interval> free_parts;

  // Take every owned part of [first, last] from its owner (its free addresses stay free, its
  // held ones stay held); the gaps between owned parts were nobody's and are new free space.
  std::uint64_t cursor = first;  // next address not yet accounted for
  auto it = segments_.upper_bound(first);
  if (it != segments_.begin() && std::prev(it)->second.last >= first) --it;
  while (it != segments_.end() && it->first <= last) {
    const std::uint32_t lo = it->first;
    const Segment segment = it->second;
    it = segments_.erase(it);
    if (lo < first) segments_.emplace(lo, Segment{first - 1, segment.owner});
    if (segment.last > last) segments_.emplace(last + 1, Segment{segment.last, segment.owner});
    const std::uint32_t part_first = std::max(lo, first);
    const std::uint32_t part_last = std::min(segment.last, last);
    if (cursor < part_first)
      free_parts.emplace_back(static_cast<std::uint32_t>(cursor), part_first - 1);
    for (const auto& part : pools_[segment.owner].remove_owned(part_first, part_last))
      free_parts.push_back(part);
    cursor = std::uint64_t{part_last} + 1;
    previous_owner = segment.owner;
    it = segments_.upper_bound(part_last);
  }
  if (cursor <= last) free_parts.emplace_back(static_cast<std::uint32_t>(cursor), last);

  segments_.emplace(first, Segment{last, pool});
  pools_[pool].add_owned(cidr.size(), free_parts);
  return previous_owner;
}

std::size_t AddressSpace::owner_of(std::uint32_t address) const {
  auto it = segments_.upper_bound(address);
  assert(it != segments_.begin());
  --it;
  assert(address <= it->second.last);
  return it->second.owner;
}

std::optional<std::size_t> AddressSpace::find_owner(std::uint32_t address) const {
  auto it = segments_.upper_bound(address);
  if (it == segments_.begin()) return std::nullopt;
  --it;
  if (address > it->second.last) return std::nullopt;
  return it->second.owner;
}

std::size_t AddressSpace::release(std::uint32_t address) {
  const std::size_t owner = owner_of(address);
  pools_[owner].release(address);
  return owner;
}

}  // namespace albsim
