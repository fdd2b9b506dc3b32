// PlainAddresses: MODEL.md §3's address space written as plainly as possible, for the reference
// stepper. Every provisioned address has one owner (the pool that provisioned it last: parents
// are provisioned before children and `add_cidr` comes later, so that is the deepest pool whose
// CIDRs hold it); a pool's free addresses are those it owns that nobody holds. Sets of single
// addresses, scanned: slow, and meant only for the small pools of the differential tests.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "albsim/ipv4.hpp"
#include "albsim/scenario.hpp"

namespace albsim::reference {

class PlainAddresses {
 public:
  // Provisions every pool's CIDRs, parents first.
  explicit PlainAddresses(const Scenario& scenario);

  // `pool` becomes the owner of every address of `cidr`, held ones included.
  void provision(std::size_t pool, const Cidr& cidr);
  // The lowest free address of `pool`, now held; none when it has none free.
  std::optional<std::uint32_t> take_lowest(std::size_t pool);
  // A never-seen AWS-managed address: 240.0.0.0, 240.0.0.1, ... in turn.
  std::uint32_t take_managed() { return next_managed_++; }
  // Frees a held pool address; returns the pool that owns it now.
  std::size_t give_back(std::uint32_t address);

  std::uint64_t capacity(std::size_t pool) const { return owned_[pool].size(); }
  std::uint64_t in_use(std::size_t pool) const;
  std::uint64_t free_count(std::size_t pool) const { return capacity(pool) - in_use(pool); }

 private:
  std::map<std::uint32_t, std::size_t> owner_;
  std::vector<std::set<std::uint32_t>> owned_;  // per pool
  std::set<std::uint32_t> held_;
  std::uint32_t next_managed_ = 0xF0000000u;
};

}  // namespace albsim::reference
