// AddressPool: the addresses one IPAM pool owns, as a set of disjoint free intervals.
// allocate_lowest() hands out the lowest free /32 in O(log n) (n = free intervals, not
// addresses), so a /16 pool is never scanned. Memory grows with fragmentation only.
// capacity = addresses owned; in_use = capacity - free (held by nodes or reservations).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace albsim {

class AddressPool {
 public:
  using Interval = std::pair<std::uint32_t, std::uint32_t>;  // [first, last], inclusive

  std::optional<std::uint32_t> allocate_lowest();
  // Allocates the free address of rank `rank` (0 = lowest; rank < free_count()). O(intervals).
  std::uint32_t allocate_rank(std::uint64_t rank);
  // Returns an address this pool owns and that is held; the caller guarantees both.
  void release(std::uint32_t address);

  // Takes ownership of `size` addresses of which `free_parts` are free, the rest held.
  void add_owned(std::uint64_t size, const std::vector<Interval>& free_parts);
  // Gives up ownership of [first, last] (which this pool owns); returns its free parts.
  std::vector<Interval> remove_owned(std::uint32_t first, std::uint32_t last);

  std::uint64_t capacity() const { return capacity_; }
  std::uint64_t free_count() const { return free_count_; }
  std::uint64_t in_use() const { return capacity_ - free_count_; }
  // Free intervals held: what allocation cost grows with (logarithmically), not addresses.
  std::size_t free_intervals() const { return free_.size(); }

 private:
  void insert_free(std::uint32_t first, std::uint32_t last);

  std::map<std::uint32_t, std::uint32_t> free_;  // first -> last, disjoint, non-adjacent
  std::uint64_t capacity_ = 0;
  std::uint64_t free_count_ = 0;
};

}  // namespace albsim
