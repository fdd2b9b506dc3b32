#include "reference/plain_meter.hpp"

#include <algorithm>

#include "core/cidr_merge.hpp"

namespace albsim::reference {

void Episodes::hold(std::int64_t from, std::int64_t to, bool on) {
  if (!on) {
    open = false;
    return;
  }
  if (!open) {
    ++count;
    current_ms = 0;
    open = true;
    if (!first_ms) first_ms = from;
  }
  current_ms += to - from;
  total_ms += to - from;
  longest_ms = std::max(longest_ms, current_ms);
}

PlainMeter::PlainMeter(const Scenario& scenario, SimTime timeseries_step)
    : step_(timeseries_step), lbs_(scenario.load_balancers.size()), pools_(scenario.pools.size()) {
  for (std::size_t i = 0; i < lbs_.size(); ++i)
    lbs_[i].has_allowlist = scenario.load_balancers[i].has_allowlist;
}

void PlainMeter::hold(const SettledState& state, std::int64_t from, std::int64_t to) {
  const auto length = static_cast<double>(to - from);
  bool any_breach = false;
  for (std::size_t i = 0; i < lbs_.size(); ++i) {
    const SettledState::LoadBalancer& lb = state.lbs[i];
    LbTotals& m = lbs_[i];
    const auto exposed = static_cast<double>(lb.exposed.size());
    const auto outside = static_cast<double>(lb.outside.size());
    m.pool_ms += length * static_cast<double>(lb.pool_held);
    m.managed_ms += length * static_cast<double>(lb.managed_held);
    m.exposed_ms += length * exposed;
    m.outside_ms += length * outside;
    m.demand_ms += length * lb.demand;
    // DNS spreads traffic evenly over exposed nodes; with none exposed, all of it is lost.
    m.lost_ms += length * lb.demand * (exposed > 0 ? outside / exposed : 1.0);
    m.breach.hold(from, to, !lb.outside.empty());
    any_breach = any_breach || !lb.outside.empty();
  }
  fleet_breach_.hold(from, to, any_breach);
  for (std::size_t p = 0; p < pools_.size(); ++p) {
    pools_[p].in_use_ms += length * static_cast<double>(state.pool_in_use[p]);
    pools_[p].capacity_ms += length * static_cast<double>(state.pool_capacity[p]);
    pools_[p].reserved_ms += length * static_cast<double>(state.pool_reserved[p]);
    pools_[p].exhausted.hold(from, to, state.pool_in_use[p] == state.pool_capacity[p]);
  }
  if (step_.ms() <= 0) return;
  for (; next_row_ < to; next_row_ += step_.ms()) {
    TimeseriesRow row;
    row.t = SimTime::from_ms(next_row_);
    row.pool_in_use = state.pool_in_use;
    for (const SettledState::LoadBalancer& lb : state.lbs)
      row.load_balancers.push_back({lb.pool_held, lb.managed_held, lb.exposed.size(),
                                    lb.outside.size(), lb.demand, lb.az_nodes});
    rows_.push_back(std::move(row));
  }
}

void PlainMeter::settled(SimTime t, SettledState state) {
  if (last_) hold(*last_, last_t_, t.ms());
  for (std::size_t i = 0; i < lbs_.size(); ++i) {
    const SettledState::LoadBalancer& lb = state.lbs[i];
    LbTotals& m = lbs_[i];
    m.peak_pool = std::max(m.peak_pool, lb.pool_held);
    m.peak_managed = std::max(m.peak_managed, lb.managed_held);
    m.peak_total = std::max(m.peak_total, lb.pool_held + lb.managed_held);
    m.outside_seen.insert(lb.outside.begin(), lb.outside.end());
    if (last_ && t.ms() > 0) {  // the symmetric difference of the exposed sets
      const std::set<std::uint32_t>& before = last_->lbs[i].exposed;
      for (const std::uint32_t a : lb.exposed) m.dns_changes += before.count(a) == 0 ? 1 : 0;
      for (const std::uint32_t a : before) m.dns_changes += lb.exposed.count(a) == 0 ? 1 : 0;
    }
  }
  for (std::size_t p = 0; p < pools_.size(); ++p) {
    pools_[p].peak_in_use = std::max(pools_[p].peak_in_use, state.pool_in_use[p]);
    pools_[p].min_free =
        std::min(pools_[p].min_free, state.pool_capacity[p] - state.pool_in_use[p]);
  }
  last_ = std::move(state);
  last_t_ = t.ms();
}

namespace {

AllowlistMetrics allowlist(double exposed_ms, double outside_ms, const Episodes& breach,
                           std::uint64_t distinct, std::uint64_t dns, double lost_ms,
                           double demand_ms) {
  AllowlistMetrics a;
  if (exposed_ms > 0) a.in_allowlist_ratio = (exposed_ms - outside_ms) / exposed_ms;
  a.breach_episodes = breach.count;
  a.breach_seconds = static_cast<double>(breach.total_ms) / 1000.0;
  a.longest_breach_s = static_cast<double>(breach.longest_ms) / 1000.0;
  if (breach.first_ms) a.first_breach_s = static_cast<double>(*breach.first_ms) / 1000.0;
  a.distinct_outside_addresses = distinct;
  a.dns_changes = dns;
  a.client_failure_ratio = demand_ms > 0 ? lost_ms / demand_ms : 0.0;
  a.exposed_node_hours = exposed_ms / 3.6e6;
  return a;
}

}  // namespace

Report PlainMeter::finish(SimTime horizon) {
  hold(*last_, last_t_, horizon.ms());
  Report report;
  report.horizon_hours = horizon.hours_f();
  double exposed = 0, outside = 0, lost = 0, demand = 0;
  std::uint64_t distinct = 0, dns = 0;
  for (const LbTotals& m : lbs_) {
    LoadBalancerReport& r = report.load_balancers.emplace_back();
    r.addresses = {m.peak_total,      m.peak_pool,          m.peak_managed,
                   m.pool_ms / 3.6e6, m.managed_ms / 3.6e6, m.acquisitions};
    if (!m.has_allowlist) continue;
    r.allowlist = allowlist(m.exposed_ms, m.outside_ms, m.breach, m.outside_seen.size(),
                            m.dns_changes, m.lost_ms, m.demand_ms);
    r.outside_cidrs = covering_cidrs({m.outside_seen.begin(), m.outside_seen.end()});
    exposed += m.exposed_ms;
    outside += m.outside_ms;
    lost += m.lost_ms;
    demand += m.demand_ms;
    distinct += m.outside_seen.size();
    dns += m.dns_changes;
  }
  if (std::any_of(lbs_.begin(), lbs_.end(), [](const LbTotals& m) { return m.has_allowlist; }))
    report.allowlist = allowlist(exposed, outside, fleet_breach_, distinct, dns, lost, demand);
  for (const PoolTotals& m : pools_) {
    PoolReport& r = report.pools.emplace_back();
    r.capacity = last_->pool_capacity[report.pools.size() - 1];
    r.peak_in_use = m.peak_in_use;
    r.min_free = m.min_free;
    if (m.capacity_ms > 0) r.utilization = m.in_use_ms / m.capacity_ms;
    r.in_use_address_hours = m.in_use_ms / 3.6e6;
    r.reservation_address_hours = m.reserved_ms / 3.6e6;
    r.exhausted_seconds = static_cast<double>(m.exhausted.total_ms) / 1000.0;
    r.exhaustion_episodes = m.exhausted.count;
  }
  return report;
}

}  // namespace albsim::reference
