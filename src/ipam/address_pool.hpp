// AddressPool: the addresses one IPAM pool owns, as a set of disjoint free intervals.
// allocate_lowest() hands out the lowest free /32 and allocate_rank() the k-th free one, both in
// O(log n) (n = free intervals, not addresses): the intervals sit in a balanced tree whose nodes
// count the free addresses below them. So a /8 pool is never scanned, and random allocation
// stays O(log n) however fragmented it gets. Memory grows with fragmentation only.
// capacity = addresses owned; in_use = capacity - free (held by nodes or reservations).
#pragma once

#include <cstdint>
#include <ext/pb_ds/assoc_container.hpp>
#include <ext/pb_ds/tree_policy.hpp>
#include <optional>
#include <utility>
#include <vector>

namespace albsim {

// Keeps, in every node of the free-interval tree, how many free addresses its subtree holds.
template <class NodeConstIterator, class NodeIterator, class Compare, class Allocator>
struct FreeCountUpdate {
  using metadata_type = std::uint64_t;
  void operator()(NodeIterator node, NodeConstIterator end) const {
    std::uint64_t count = std::uint64_t{(*node)->second} - (*node)->first + 1;
    if (node.get_l_child() != end) count += node.get_l_child().get_metadata();
    if (node.get_r_child() != end) count += node.get_r_child().get_metadata();
    const_cast<metadata_type&>(node.get_metadata()) = count;
  }
  virtual NodeConstIterator node_begin() const = 0;
  virtual NodeConstIterator node_end() const = 0;
  virtual ~FreeCountUpdate() = default;
};

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

  // first -> last, disjoint, non-adjacent. Entries are only inserted and erased, never changed in
  // place, so the counts in the nodes stay right.
  __gnu_pbds::tree<std::uint32_t, std::uint32_t, std::less<>, __gnu_pbds::rb_tree_tag,
                   FreeCountUpdate>
      free_;
  std::uint64_t capacity_ = 0;
  std::uint64_t free_count_ = 0;
};

}  // namespace albsim
