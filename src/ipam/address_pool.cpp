#include "ipam/address_pool.hpp"

#include <cassert>

namespace albsim {

std::optional<std::uint32_t> AddressPool::allocate_lowest() {
  if (free_.empty()) return std::nullopt;
  auto it = free_.begin();
  const auto [first, last] = *it;
  free_.erase(it);
  if (first != last) free_.emplace(first + 1, last);
  --free_count_;
  return first;
}

std::uint32_t AddressPool::allocate_rank(std::uint64_t rank) {
  assert(rank < free_count_);
  for (auto it = free_.begin(); it != free_.end(); ++it) {
    const std::uint64_t size = std::uint64_t{it->second} - it->first + 1;
    if (rank >= size) {
      rank -= size;
      continue;
    }
    const auto [first, last] = *it;
    const auto address = static_cast<std::uint32_t>(first + rank);
    free_.erase(it);
    if (address > first) free_.emplace(first, address - 1);
    if (address < last) free_.emplace(address + 1, last);
    --free_count_;
    return address;
  }
  assert(false);
  return 0;
}

void AddressPool::release(std::uint32_t address) {
  insert_free(address, address);
  ++free_count_;
  assert(free_count_ <= capacity_);
}

void AddressPool::insert_free(std::uint32_t first, std::uint32_t last) {
  auto next = free_.lower_bound(first);
  assert(next == free_.end() || next->first > last);
  if (next != free_.begin()) {
    auto prev = std::prev(next);
    assert(prev->second < first);
    if (prev->second + 1 == first) {
      first = prev->first;
      free_.erase(prev);
    }
  }
  if (next != free_.end() && last != UINT32_MAX && next->first == last + 1) {
    last = next->second;
    free_.erase(next);
  }
  free_.emplace(first, last);
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
  auto it = free_.upper_bound(first);
  if (it != free_.begin() && std::prev(it)->second >= first) --it;
  while (it != free_.end() && it->first <= last) {
    const auto [lo, hi] = *it;
    it = free_.erase(it);
    if (lo < first) free_.emplace(lo, first - 1);
    if (hi > last) free_.emplace(last + 1, hi);
    const Interval part{std::max(lo, first), std::min(hi, last)};
    taken.push_back(part);
    free_count_ -= std::uint64_t{part.second} - part.first + 1;
  }
  capacity_ -= std::uint64_t{last} - first + 1;
  return taken;
}

}  // namespace albsim
