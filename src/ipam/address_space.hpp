// AddressSpace: every pool's owned addresses.
// Each pool address is owned by exactly one pool at a time: the deepest pool whose CIDRs contain
// it. provision() assigns a CIDR to a pool (taking it from the ancestor that owned it, held
// addresses included), so the initial forest and `add_cidr` are one operation. The address
// space knows nothing of load balancers.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "albsim/ipv4.hpp"
#include "ipam/address_pool.hpp"

namespace albsim {

class AddressSpace {
 public:
  explicit AddressSpace(std::size_t pool_count) : pools_(pool_count) {}

  // Makes `pool` the owner of `cidr`. Returns the pool that owned it before (if any), whose
  // capacity shrank by the same amount.
  std::optional<std::size_t> provision(std::size_t pool, const Cidr& cidr);

  std::optional<std::uint32_t> allocate(std::size_t pool) { return pools_[pool].allocate_lowest(); }
  // A uniformly chosen free address of `pool`, from `draw(free_count)` in [0, free_count).
  template <class Draw>
  std::optional<std::uint32_t> allocate_random(std::size_t pool, Draw&& draw) {
    const std::uint64_t free = pools_[pool].free_count();
    if (free == 0) return std::nullopt;
    return pools_[pool].allocate_rank(draw(free));
  }
  // Frees a held pool address; returns the pool that owns it now (and got it back).
  std::size_t release(std::uint32_t address);

  // The pool that owns a provisioned pool address.
  std::size_t owner_of(std::uint32_t address) const;
  // The pool that owns `address`, or none when no pool does (an AWS-managed address).
  std::optional<std::size_t> find_owner(std::uint32_t address) const;

  const AddressPool& pool(std::size_t index) const { return pools_[index]; }
  std::size_t pool_count() const { return pools_.size(); }

 private:
  struct Segment {
    std::uint32_t last;
    std::size_t owner;
  };

  std::vector<AddressPool> pools_;
  std::map<std::uint32_t, Segment> segments_;  // first -> owned range, disjoint
};

}  // namespace albsim
