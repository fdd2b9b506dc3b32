// CIDR arithmetic on sets of addresses: merging into disjoint ranges and the minimal list of
// CIDRs that covers exactly a set of addresses.
#pragma once

#include <cstdint>
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

}  // namespace albsim
