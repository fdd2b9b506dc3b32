#include "report/charge_ledger.hpp"

#include <algorithm>
#include <stdexcept>

namespace albsim {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;

}  // namespace

ChargeLedger::ChargeLedger(const Scenario& scenario, std::int64_t start_epoch_ms)
    : scenario_(scenario) {
  bounds_.push_back(SimTime());
  // The first UTC midnight after the start, then every day up to the horizon.
  const std::int64_t into_day = ((start_epoch_ms % kDayMs) + kDayMs) % kDayMs;
  for (std::int64_t t = into_day == 0 ? kDayMs : kDayMs - into_day; t < scenario.horizon.ms();
       t += kDayMs)
    bounds_.push_back(SimTime::from_ms(t));
  bounds_.push_back(scenario.horizon);

  for (std::size_t i = 0; i < scenario.pools.size(); ++i)
    for (const Cidr& cidr : scenario.pools[i].cidrs) pool_cidrs_.emplace_back(cidr, i);
  for (const EventSpec& e : scenario.events)
    if (const auto* add = e.as<AddCidrEvent>()) pool_cidrs_.emplace_back(add->cidr, add->pool);
  std::stable_sort(pool_cidrs_.begin(), pool_cidrs_.end(),
                   [](const auto& a, const auto& b) { return a.first.length > b.first.length; });
}

std::size_t ChargeLedger::pool_of(std::uint32_t address) const {
  for (const auto& [cidr, pool] : pool_cidrs_)
    if (cidr.contains(Ipv4{address})) return pool;
  throw std::logic_error("charges: a pool address outside every pool's CIDRs");
}

std::size_t ChargeLedger::period_of(SimTime t) const {
  return static_cast<std::size_t>(std::upper_bound(bounds_.begin(), bounds_.end(), t) -
                                  bounds_.begin()) -
         1;
}

void ChargeLedger::accrue(const HolderId& id, Holding& h, SimTime until) {
  if (h.count != 0 && until > h.since) {
    for (std::size_t p = period_of(h.since); p + 1 < bounds_.size() && bounds_[p] < until; ++p) {
      const SimTime from = std::max(h.since, bounds_[p]);
      const SimTime to = std::min(until, bounds_[p + 1]);
      const auto& [holder, lb, pool] = id;
      address_ms_[Key{p, holder, lb, pool}] += h.count * (to - from).ms();
    }
  }
  h.since = until;
}

void ChargeLedger::set_count(const HolderId& id, SimTime t, std::int64_t count) {
  Holding& h = holdings_[id];
  accrue(id, h, t);
  h.count = count;
}

void ChargeLedger::address_held(SimTime t, std::size_t lb, std::uint32_t address, bool managed) {
  const HolderId id =
      managed ? HolderId{Holder::managed, lb, 0} : HolderId{Holder::pool, lb, pool_of(address)};
  set_count(id, t, holdings_[id].count + 1);
}

void ChargeLedger::address_given_back(SimTime t, std::size_t lb, std::uint32_t address,
                                      bool managed) {
  const HolderId id =
      managed ? HolderId{Holder::managed, lb, 0} : HolderId{Holder::pool, lb, pool_of(address)};
  set_count(id, t, holdings_[id].count - 1);
}

void ChargeLedger::reserved_changed(SimTime t, std::size_t pool, std::uint64_t reserved) {
  set_count({Holder::reserved, 0, pool}, t, static_cast<std::int64_t>(reserved));
}

void ChargeLedger::finish() {
  for (auto& [id, holding] : holdings_) accrue(id, holding, scenario_.horizon);
}

}  // namespace albsim
