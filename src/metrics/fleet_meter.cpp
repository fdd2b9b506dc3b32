#include "metrics/fleet_meter.hpp"

#include <algorithm>

#include "core/cidr_merge.hpp"

namespace albsim {
namespace {

double hours(double value_ms) {
  return value_ms / 3.6e6;
}
double seconds(SimTime t) {
  return t.seconds();
}

}  // namespace

FleetMeter::FleetMeter(const Scenario& scenario)
    : lbs_(scenario.load_balancers.size()), pools_(scenario.pools.size()) {
  for (std::size_t i = 0; i < lbs_.size(); ++i) {
    lbs_[i].has_allowlist = scenario.load_balancers[i].has_allowlist;
    lbs_[i].allowlist = merge_ranges(scenario.load_balancers[i].allowlist);
  }
}

void FleetMeter::mark(std::size_t lb) {
  if (!lbs_[lb].dirty) {
    lbs_[lb].dirty = true;
    dirty_lbs_.push_back(lb);
  }
}

bool FleetMeter::is_outside(std::size_t lb, std::uint32_t address) const {
  if (!lbs_[lb].has_allowlist) return false;
  const auto& list = lbs_[lb].allowlist;
  auto it = std::upper_bound(list.begin(), list.end(), address,
                             [](std::uint32_t a, const auto& range) { return a < range.first; });
  return it == list.begin() || std::prev(it)->second < address;
}

void FleetMeter::address_acquired(SimTime now, std::size_t lb, bool managed) {
  LbMeter& m = lbs_[lb];
  if (managed) {
    m.managed_held.add(now, 1);
    ++m.acquisitions;
  } else {
    m.pool_held.add(now, 1);
  }
  mark(lb);
}

void FleetMeter::address_released(SimTime now, std::size_t lb, bool managed) {
  (managed ? lbs_[lb].managed_held : lbs_[lb].pool_held).add(now, -1);
  mark(lb);
}

void FleetMeter::exposure_changed(SimTime now, std::size_t lb, std::uint32_t address,
                                  bool exposed) {
  LbMeter& m = lbs_[lb];
  const double delta = exposed ? 1 : -1;
  m.exposed.add(now, delta);
  if (is_outside(lb, address)) m.outside.add(now, delta);
  m.toggles.emplace_back(address, exposed ? 1 : -1);
  update_lost_demand(now, m);
  mark(lb);
}

void FleetMeter::demand_changed(SimTime now, std::size_t lb, double demand_lcu) {
  LbMeter& m = lbs_[lb];
  if (demand_lcu == m.demand.value()) return;
  m.demand.set(now, demand_lcu);
  update_lost_demand(now, m);
}

void FleetMeter::demand_sampled(std::size_t lb, SimTime first, SimTime step,
                                std::span<const double> demand_lcu,
                                const StepIntegral::Progress* traced) {
  if (demand_lcu.empty()) return;
  LbMeter& m = lbs_[lb];
  const double share = lost_share(m);
  if (share != 0 || m.lost_demand.value() != 0)
    m.demand.set_samples(first, step, demand_lcu, &m.lost_demand, share);
  else if (traced != nullptr)  // setting the lost demand to 0 again would add exactly 0
    m.demand.restore(demand_lcu.back(), *traced);
  else
    m.demand.set_samples(first, step, demand_lcu);
}

// Share of traffic an allowlisting client loses: DNS spreads it evenly over exposed nodes, and
// with demand but no exposed node all of it is lost.
double FleetMeter::lost_share(const LbMeter& m) {
  const double exposed = m.exposed.value();
  return exposed > 0 ? m.outside.value() / exposed : 1.0;
}

void FleetMeter::update_lost_demand(SimTime now, LbMeter& m) {
  m.lost_demand.set(now, m.demand.value() * lost_share(m));
}

void FleetMeter::pool_changed(SimTime now, std::size_t pool, std::uint64_t capacity,
                              std::uint64_t in_use, std::uint64_t reserved) {
  PoolMeter& m = pools_[pool];
  m.capacity.set(now, static_cast<double>(capacity));
  m.in_use.set(now, static_cast<double>(in_use));
  m.reserved.set(now, static_cast<double>(reserved));
  if (!m.dirty) {
    m.dirty = true;
    dirty_pools_.push_back(pool);
  }
}

void FleetMeter::settle_lb(SimTime now, std::size_t lb) {
  LbMeter& m = lbs_[lb];
  const auto pool = static_cast<std::uint64_t>(m.pool_held.value());
  const auto managed = static_cast<std::uint64_t>(m.managed_held.value());
  m.peak_pool = std::max(m.peak_pool, pool);
  m.peak_managed = std::max(m.peak_managed, managed);
  m.peak_total = std::max(m.peak_total, pool + managed);
  const bool breaching = m.outside.value() > 0;
  if (breaching != m.breaching) {
    m.breaching = breaching;
    breaching ? ++breaching_lbs_ : --breaching_lbs_;
  }
  m.breach.settle(now, breaching);
  if (!m.toggles.empty()) {
    // An address's toggles this instant net to +1 (now in DNS), -1 (now out) or 0 (as before).
    std::sort(m.toggles.begin(), m.toggles.end());
    for (std::size_t i = 0; i < m.toggles.size();) {
      int net = 0;
      const std::uint32_t address = m.toggles[i].first;
      for (; i < m.toggles.size() && m.toggles[i].first == address; ++i) net += m.toggles[i].second;
      if (net != 0 && now.ms() > 0) ++m.dns_changes;
      if (net > 0 && is_outside(lb, address) && m.outside_seen.insert(address).second)
        m.outside_addresses.push_back(address);
    }
    m.toggles.clear();
  }
  m.dirty = false;
}

void FleetMeter::settle_pool(SimTime now, PoolMeter& m) {
  const auto capacity = static_cast<std::uint64_t>(m.capacity.value());
  const auto in_use = static_cast<std::uint64_t>(m.in_use.value());
  const std::uint64_t free = capacity - in_use;
  m.peak_in_use = std::max(m.peak_in_use, in_use);
  m.min_free = m.seen ? std::min(m.min_free, free) : free;
  m.seen = true;
  m.exhausted.settle(now, free == 0);
  m.dirty = false;
}

void FleetMeter::on_settled(SimTime now) {
  for (const std::size_t lb : dirty_lbs_) settle_lb(now, lb);
  dirty_lbs_.clear();
  fleet_breach_.settle(now, breaching_lbs_ > 0);
  for (const std::size_t pool : dirty_pools_) settle_pool(now, pools_[pool]);
  dirty_pools_.clear();
}

void FleetMeter::finish(SimTime horizon) {
  horizon_ = horizon;
  for (auto& m : lbs_) m.breach.finish(horizon);
  fleet_breach_.finish(horizon);
  for (auto& m : pools_) {
    if (!m.seen) settle_pool(SimTime(), m);  // a pool that never changed: empty all along
    m.exhausted.finish(horizon);
  }
}

std::uint64_t FleetMeter::pool_in_use(std::size_t pool) const {
  return static_cast<std::uint64_t>(pools_[pool].in_use.value());
}

std::uint64_t FleetMeter::pool_reserved(std::size_t pool) const {
  return static_cast<std::uint64_t>(pools_[pool].reserved.value());
}

std::uint64_t FleetMeter::pool_capacity(std::size_t pool) const {
  return static_cast<std::uint64_t>(pools_[pool].capacity.value());
}

TimeseriesRow::LoadBalancer FleetMeter::lb_state(std::size_t lb) const {
  const LbMeter& m = lbs_[lb];
  return {static_cast<std::uint64_t>(m.pool_held.value()),
          static_cast<std::uint64_t>(m.managed_held.value()),
          static_cast<std::uint64_t>(m.exposed.value()),
          static_cast<std::uint64_t>(m.outside.value()),
          m.demand.value(),
          {}};
}

namespace {

AllowlistMetrics allowlist_metrics(double exposed_ms, double inside_ms,
                                   const EpisodeTracker& breach, std::uint64_t distinct,
                                   std::uint64_t dns, double lost, double demand) {
  AllowlistMetrics a;
  if (exposed_ms > 0) a.in_allowlist_ratio = inside_ms / exposed_ms;
  a.breach_episodes = breach.episodes();
  a.breach_seconds = seconds(breach.total());
  a.longest_breach_s = seconds(breach.longest());
  if (breach.episodes() > 0) a.first_breach_s = seconds(*breach.first_start());
  a.distinct_outside_addresses = distinct;
  a.dns_changes = dns;
  a.client_failure_ratio = demand > 0 ? lost / demand : 0.0;
  a.exposed_node_hours = hours(exposed_ms);
  return a;
}

}  // namespace

std::vector<double> FleetMeter::demand_lcu_hours() const {
  std::vector<double> out;
  for (const LbMeter& m : lbs_) out.push_back(hours(m.demand.integral(horizon_)));
  return out;
}

void FleetMeter::fill(Report& report) const {
  const SimTime h = horizon_;
  report.horizon_hours = h.hours_f();
  double fleet_exposed = 0, fleet_inside = 0, fleet_lost = 0, fleet_demand = 0;
  std::uint64_t fleet_distinct = 0, fleet_dns = 0;
  report.load_balancers.resize(lbs_.size());
  for (std::size_t i = 0; i < lbs_.size(); ++i) {
    const LbMeter& m = lbs_[i];
    LoadBalancerReport& r = report.load_balancers[i];
    r.addresses = {m.peak_total,
                   m.peak_pool,
                   m.peak_managed,
                   hours(m.pool_held.integral(h)),
                   hours(m.managed_held.integral(h)),
                   m.acquisitions};
    if (!m.has_allowlist) continue;  // no allowlist: no allowlist figures, not in the fleet's
    const double exposed = m.exposed.integral(h);
    const double inside = exposed - m.outside.integral(h);
    r.outside_cidrs = covering_cidrs(m.outside_addresses);
    r.allowlist = allowlist_metrics(exposed, inside, m.breach, m.outside_addresses.size(),
                                    m.dns_changes, m.lost_demand.integral(h), m.demand.integral(h));
    fleet_exposed += exposed;
    fleet_inside += inside;
    fleet_lost += m.lost_demand.integral(h);
    fleet_demand += m.demand.integral(h);
    fleet_distinct += m.outside_addresses.size();
    fleet_dns += m.dns_changes;
  }
  if (std::any_of(lbs_.begin(), lbs_.end(), [](const LbMeter& m) { return m.has_allowlist; }))
    report.allowlist = allowlist_metrics(fleet_exposed, fleet_inside, fleet_breach_, fleet_distinct,
                                         fleet_dns, fleet_lost, fleet_demand);

  report.pools.resize(pools_.size());
  for (std::size_t i = 0; i < pools_.size(); ++i) {
    const PoolMeter& m = pools_[i];
    PoolReport& r = report.pools[i];
    r.capacity = static_cast<std::uint64_t>(m.capacity.value());
    r.peak_in_use = m.peak_in_use;
    r.min_free = m.min_free;
    const double capacity_ms = m.capacity.integral(h);
    if (capacity_ms > 0) r.utilization = m.in_use.integral(h) / capacity_ms;
    r.in_use_address_hours = hours(m.in_use.integral(h));
    r.reservation_address_hours = hours(m.reserved.integral(h));
    r.exhausted_seconds = seconds(m.exhausted.total());
    r.exhaustion_episodes = m.exhausted.episodes();
  }
}

}  // namespace albsim
