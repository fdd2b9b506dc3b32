// CIDR arithmetic on sets of addresses: merging into disjoint ranges, the minimal list of CIDRs
// that covers exactly a set of addresses, and the lowest free block of a size.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "albsim/ipv4.hpp"

namespace albsim {

using AddressRange = std::pair<std::uint32_t, std::uint32_t>;  // [first, last]

// Disjoint, ascending ranges covering the union of `cidrs` (adjacent ones joined).
std::vector<AddressRange> merge_ranges(std::vector<Cidr> cidrs);

// The fewest CIDRs covering exactly `addresses` (any order, repeats allowed), ascending.
std::vector<Cidr> covering_cidrs(std::vector<std::uint32_t> addresses);

// The fewest CIDRs covering exactly one range.
void append_range_cidrs(AddressRange range, std::vector<Cidr>& out);

// The lowest aligned /length (0 to 32) inside the first CIDR of `space` that has one overlapping
// none of `taken`; none when nothing fits. It steps past each taken block in its way, so a large
// space with much taken is not scanned block by block.
std::optional<Cidr> lowest_free_block(const std::vector<Cidr>& space,
                                      const std::vector<Cidr>& taken, int length);

}  // namespace albsim
