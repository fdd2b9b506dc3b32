#include "ipam/address_broker.hpp"

namespace albsim {

AddressBroker::AddressBroker(const Scenario& scenario, std::uint64_t replication,
                             Scheduler<AddressEvent>& scheduler, PoolObserver& pools)
    : scenario_(scenario),
      scheduler_(scheduler),
      pool_observer_(pools),
      space_(scenario.pools.size()),
      reserved_(scenario.reservations.size()),
      reserved_in_pool_(scenario.pools.size(), 0) {
  if (scenario.managed_ranges)
    managed_ = ManagedAddresses(scenario.managed_ranges->prefixes,
                                RandomStream(scenario.seed, replication, "managed_addresses"));
  for (const PoolSpec& pool : scenario.pools) {
    auto& draws = allocation_draws_.emplace_back();
    if (pool.random_allocation)
      draws.emplace(scenario.seed, replication, "pools/" + pool.id + "/allocation");
  }
  for (const std::size_t pool : scenario.pools_top_down)
    for (const Cidr& cidr : scenario.pools[pool].cidrs) space_.provision(pool, cidr);
  for (std::size_t pool = 0; pool < scenario.pools.size(); ++pool) pool_changed(pool);
}

void AddressBroker::schedule_reservations() {
  for (std::size_t i = 0; i < scenario_.reservations.size(); ++i) {
    const ReservationSpec& r = scenario_.reservations[i];
    const auto index = static_cast<std::uint32_t>(i);
    scheduler_.schedule(r.from, ReservationStart{index});
    scheduler_.schedule(r.to, ReservationEnd{index});
  }
}

void AddressBroker::handle(const AddressEvent& event) {
  if (const auto* start = std::get_if<ReservationStart>(&event))
    start_reservation(start->reservation);
  else
    end_reservation(std::get<ReservationEnd>(event).reservation);
}

std::optional<std::uint32_t> AddressBroker::allocate(std::size_t pool) {
  if (auto& draws = allocation_draws_[pool])
    return space_.allocate_random(pool, [&](std::uint64_t n) { return draws->below(n); });
  return space_.allocate(pool);
}

AddressBroker::Grant AddressBroker::acquire(std::optional<std::size_t> pool) {
  if (pool) {
    if (const auto address = allocate(*pool)) {
      pool_changed(*pool);
      return {*address, pool};
    }
  }
  return {managed_.acquire(), std::nullopt};
}

std::size_t AddressBroker::release(std::uint32_t address) {
  const std::size_t pool = space_.release(address);
  pool_changed(pool);
  freed(pool, 1);
  return pool;
}

void AddressBroker::add_cidr(std::size_t pool, const Cidr& cidr) {
  const std::uint64_t free_before = free_count(pool);
  if (const auto previous_owner = space_.provision(pool, cidr)) pool_changed(*previous_owner);
  pool_changed(pool);
  freed(pool, free_count(pool) - free_before);
}

void AddressBroker::start_reservation(std::size_t index) {
  const ReservationSpec& r = scenario_.reservations[index];
  auto& held = reserved_[index];
  while (held.size() < r.count) {
    const auto address = allocate(r.pool);
    if (!address) break;
    held.push_back(*address);
    ++reserved_in_pool_[r.pool];
  }
  pool_changed(r.pool);
}

void AddressBroker::end_reservation(std::size_t index) {
  const std::size_t pool = scenario_.reservations[index].pool;
  reserved_in_pool_[pool] -= reserved_[index].size();
  bool published = false;
  for (const std::uint32_t address : reserved_[index]) published |= release(address) == pool;
  // An address that add_cidr moved into a child returns to the child (docs/model.md): the
  // reservation's pool changes all the same, by its reserved count.
  if (!published && !reserved_[index].empty()) pool_changed(pool);
  reserved_[index].clear();
}

void AddressBroker::pool_changed(std::size_t pool) {
  const AddressPool& p = space_.pool(pool);
  pool_observer_.pool_changed(scheduler_.now(), pool,
                              {p.capacity(), p.in_use(), reserved_in_pool_[pool]});
}

void AddressBroker::freed(std::size_t pool, std::uint64_t count) {
  if (freed_listener_ != nullptr && count > 0) freed_listener_->addresses_freed(pool, count);
}

}  // namespace albsim
