#include "ipam/address_pool.hpp"

#include <cassert>

namespace albsim {

std::optional<std::uint32_t> AddressPool::allocate_lowest() {
  if (free_.empty()) return std::nullopt;
  auto it = free_.begin();
  const auto [first, last] = *it;
  free_.erase(it);
  if (first != last) free_.insert({first + 1, last});
  --free_count_;
  return first;
}

std::uint32_t AddressPool::allocate_rank(std::uint64_t rank) {
  assert(rank < free_count_);
  // Down the tree: left subtree, this interval, right subtree, by their free counts.
  auto node = free_.node_begin();
  const auto end = free_.node_end();
  while (true) {
    const auto left = node.get_l_child();
    const std::uint64_t below = left != end ? left.get_metadata() : 0;
    if (rank < below) {
      node = left;
      continue;
    }
    rank -= below;
    const auto [first, last] = **node;
    const std::uint64_t size = std::uint64_t{last} - first + 1;
    if (rank < size) {
      const auto address = static_cast<std::uint32_t>(first + rank);
      free_.erase(first);
      if (address > first) free_.insert({first, address - 1});
      if (address < last) free_.insert({address + 1, last});
      --free_count_;
      return address;
    }
    rank -= size;
    node = node.get_r_child();
  }
}

void AddressPool::release(std::uint32_t address) {
  insert_free(address, address);
  ++free_count_;
  assert(free_count_ <= capacity_);
}

void AddressPool::insert_free(std::uint32_t first, std::uint32_t last) {
  // Coalesce with the free interval just before and the one just after, erasing them by key.
  auto next = free_.lower_bound(first);
  assert(next == free_.end() || next->first > last);
  std::optional<std::uint32_t> merge_before, merge_after;
  if (next != free_.begin()) {
    const auto prev = std::prev(next);
    assert(prev->second < first);
    if (prev->second + 1 == first) merge_before = prev->first;
  }
  if (next != free_.end() && last != UINT32_MAX && next->first == last + 1)
    merge_after = next->first;
  if (merge_after) {
    last = free_.find(*merge_after)->second;
    free_.erase(*merge_after);
  }
  if (merge_before) {
    free_.erase(*merge_before);
    first = *merge_before;
  }
  free_.insert({first, last});
}

void AddressPool::add_owned(std::uint64_t size, const std::vector<Interval>& free_parts) {
  capacity_ += size;
  for (const auto& [first, last] : free_parts) {
    insert_free(first, last);
    free_count_ += std::uint64_t{last} - first + 1;
  }
}

std::vector<AddressPool::Interval> AddressPool::remove_owned(std::uint32_t first,
                                                             std::uint32_t last) {
  std::vector<Interval> taken;
  while (true) {
    // The first free interval that overlaps [first, last], if any.
    auto it = free_.upper_bound(first);
    if (it != free_.begin() && std::prev(it)->second >= first) --it;
    if (it == free_.end() || it->first > last) break;
    const auto [lo, hi] = *it;
    free_.erase(it);
    if (lo < first) free_.insert({lo, first - 1});
    if (hi > last) free_.insert({last + 1, hi});
    const Interval part{std::max(lo, first), std::min(hi, last)};
    taken.push_back(part);
    free_count_ -= std::uint64_t{part.second} - part.first + 1;
  }
  capacity_ -= std::uint64_t{last} - first + 1;
  return taken;
}

}  // namespace albsim
