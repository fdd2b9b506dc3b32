// AddressBroker: every address of the run (MODEL.md §3). It owns the pools' address space, the
// AWS-managed fallback, the allocation streams of pools with random allocation, and the
// reservations (other consumers of a pool, with their own events). It tells its PoolObserver of
// every change to a pool, and announces addresses that become free (a release, a reservation's
// end, `add_cidr`) to its FreedAddressListener, which drives reclaim. It knows nothing of nodes.
#pragma once

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "albsim/scenario.hpp"
#include "core/event_class.hpp"
#include "core/random_stream.hpp"
#include "engine/scheduler.hpp"
#include "ipam/address_space.hpp"
#include "ipam/managed_addresses.hpp"
#include "ipam/pool_observer.hpp"

namespace albsim {

struct ReservationStart {
  static constexpr EventClass kClass = EventClass::scenario_event;
  std::uint32_t reservation = 0;
};
struct ReservationEnd {
  static constexpr EventClass kClass = EventClass::address_release;
  std::uint32_t reservation = 0;
};
using AddressEvent = std::variant<ReservationStart, ReservationEnd>;

// Hears of addresses that became free in a pool.
class FreedAddressListener {
 public:
  virtual void addresses_freed(std::size_t pool, std::uint64_t count) = 0;

 protected:
  ~FreedAddressListener() = default;
};

class AddressBroker {
 public:
  // Provisions every pool's CIDRs (parents before children, `Scenario::pools_top_down`).
  AddressBroker(const Scenario& scenario, std::uint64_t replication,
                Scheduler<AddressEvent>& scheduler, PoolObserver& pools);

  void set_freed_listener(FreedAddressListener& listener) { freed_listener_ = &listener; }

  // Schedules the start and end of every reservation.
  void schedule_reservations();
  void handle(const AddressEvent& event);

  // An address for a node drawing from `pool` (none: the load balancer has no pool): the pool's
  // next free address, or a never-seen AWS-managed one when the pool has none free.
  struct Grant {
    std::uint32_t address = 0;
    std::optional<std::size_t> pool;  // none: AWS-managed
  };
  Grant acquire(std::optional<std::size_t> pool);
  // Returns a held pool address to the pool that owns it now (an add_cidr may have moved it into
  // a child), and returns that pool.
  std::size_t release(std::uint32_t address);
  // The `add_cidr` event: `pool` takes `cidr` (from its parent, if the parent owned it).
  void add_cidr(std::size_t pool, const Cidr& cidr);

  std::uint64_t free_count(std::size_t pool) const { return space_.pool(pool).free_count(); }
  SimTime release_delay(std::size_t pool) const { return scenario_.pools[pool].release_delay; }

  // For invariant checks.
  const AddressSpace& space() const { return space_; }
  const std::vector<std::vector<std::uint32_t>>& reserved() const { return reserved_; }

 private:
  std::optional<std::uint32_t> allocate(std::size_t pool);
  void start_reservation(std::size_t index);
  void end_reservation(std::size_t index);
  void pool_changed(std::size_t pool);
  void freed(std::size_t pool, std::uint64_t count);

  const Scenario& scenario_;
  Scheduler<AddressEvent>& scheduler_;
  PoolObserver& pool_observer_;
  FreedAddressListener* freed_listener_ = nullptr;
  AddressSpace space_;
  ManagedAddresses managed_;
  std::vector<std::optional<RandomStream>> allocation_draws_;  // pools with random allocation
  std::vector<std::vector<std::uint32_t>> reserved_;           // per reservation, held addresses
  std::vector<std::uint64_t> reserved_in_pool_;  // per pool, addresses its reservations hold
};

}  // namespace albsim
