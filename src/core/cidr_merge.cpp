#include "core/cidr_merge.hpp"

#include <algorithm>

namespace albsim {

std::vector<AddressRange> merge_ranges(std::vector<Cidr> cidrs) {
  std::sort(cidrs.begin(), cidrs.end());
  std::vector<AddressRange> merged;
  for (const Cidr& c : cidrs) {
    if (!merged.empty() && std::uint64_t{merged.back().second} + 1 >= c.first())
      merged.back().second = std::max(merged.back().second, c.last());
    else
      merged.emplace_back(c.first(), c.last());
  }
  return merged;
}

void append_range_cidrs(AddressRange range, std::vector<Cidr>& out) {
  std::uint64_t first = range.first;
  const std::uint64_t end = std::uint64_t{range.second} + 1;
  while (first < end) {
    // The largest aligned block starting at `first` that stays inside the range.
    int length = 32;
    while (length > 0) {
      const std::uint64_t size = std::uint64_t{1} << (32 - (length - 1));
      if (first % size != 0 || first + size > end) break;
      --length;
    }
    out.push_back(Cidr{Ipv4{static_cast<std::uint32_t>(first)}, length});
    first += std::uint64_t{1} << (32 - length);
  }
}

std::vector<Cidr> covering_cidrs(std::vector<std::uint32_t> addresses) {
  std::sort(addresses.begin(), addresses.end());
  addresses.erase(std::unique(addresses.begin(), addresses.end()), addresses.end());
  std::vector<Cidr> out;
  for (std::size_t i = 0; i < addresses.size();) {
    std::size_t j = i;
    while (j + 1 < addresses.size() && addresses[j + 1] == addresses[j] + 1) ++j;
    append_range_cidrs({addresses[i], addresses[j]}, out);
    i = j + 1;
  }
  return out;
}

std::optional<Cidr> lowest_free_block(const std::vector<Cidr>& space,
                                      const std::vector<Cidr>& taken, int length) {
  const std::uint64_t step = std::uint64_t{1} << (32 - length);
  for (const Cidr& s : space) {
    if (s.length > length) continue;
    for (std::uint64_t a = s.first(); a + step - 1 <= s.last();) {
      const Cidr c{Ipv4{static_cast<std::uint32_t>(a)}, length};
      const auto hit =
          std::find_if(taken.begin(), taken.end(), [&](const Cidr& o) { return o.overlaps(c); });
      if (hit == taken.end()) return c;
      a = (std::uint64_t{hit->last()} + step) / step * step;  // the next block past it
    }
  }
  return std::nullopt;
}

}  // namespace albsim
