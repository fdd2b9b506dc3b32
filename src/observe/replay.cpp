#include "observe/replay.hpp"

#include <algorithm>
#include <tuple>

#include "albsim/input_error.hpp"
#include "core/calendar.hpp"
#include "ipam/address_space.hpp"
#include "metrics/fleet_meter.hpp"

namespace albsim {
namespace {

struct Change {
  SimTime t;
  bool acquire = false;  // releases of an instant come first
  std::size_t holding = 0;
};

// The holdings' acquisitions and releases inside the window, in time order.
std::vector<Change> changes_in(const Observation& observation, const ObservedWindow& window,
                               bool require_one) {
  std::vector<Change> changes;
  std::int64_t first = 0, last = 0;
  for (std::size_t i = 0; i < observation.holdings.size(); ++i) {
    const ObservedHolding& h = observation.holdings[i];
    first = i == 0 ? h.from_ms : std::min(first, h.from_ms);
    last = i == 0 ? h.to_ms : std::max(last, h.to_ms);
    const std::int64_t from = std::max(h.from_ms, window.from_ms);
    const std::int64_t to = std::min(h.to_ms, window.to_ms);
    if (from >= to) continue;
    changes.push_back({SimTime::from_ms(from - window.from_ms), true, i});
    if (to < window.to_ms) changes.push_back({SimTime::from_ms(to - window.from_ms), false, i});
  }
  if (changes.empty() && require_one) {
    const std::string span =
        observation.holdings.empty()
            ? std::string("there is none")
            : "they span " + format_iso8601_utc(first) + " .. " +
                  (last == INT64_MAX ? std::string("now") : format_iso8601_utc(last));
    throw InputError(observation.files.empty() ? observation.kind : observation.files.front(), "",
                     "no address is held in the window " + format_iso8601_utc(window.from_ms) +
                         " .. " + format_iso8601_utc(window.to_ms) + " (" + span +
                         "); give the window with --from and --to");
  }
  std::sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
    return std::tie(a.t, a.acquire, a.holding) < std::tie(b.t, b.acquire, b.holding);
  });
  return changes;
}

class Replay {
 public:
  Replay(const Scenario& scenario, const Observation& observation, SimTime step,
         TimeseriesObserver* timeseries)
      : scenario_(scenario),
        observation_(observation),
        step_(step),
        timeseries_(timeseries),
        meter_(scenario),
        space_(scenario.pools.size()),
        pool_held_(scenario.pools.size()),
        owner_(observation.holdings.size()) {
    for (const std::size_t pool : scenario.pools_top_down)
      for (const Cidr& cidr : scenario.pools[pool].cidrs) space_.provision(pool, cidr);
    for (std::size_t pool = 0; pool < scenario.pools.size(); ++pool)
      meter_.pool_changed(SimTime(), pool, space_.pool(pool).capacity(), 0, 0);
    for (const LoadBalancerSpec& lb : scenario.load_balancers)
      az_nodes_.emplace_back(lb.azs.size(), 0);
  }

  Report run(const std::vector<Change>& changes) {
    if (changes.empty() || changes.front().t.ms() > 0) meter_.on_settled(SimTime());
    for (std::size_t i = 0; i < changes.size();) {
      const SimTime now = changes[i].t;
      rows_before(now);
      for (; i < changes.size() && changes[i].t == now; ++i) apply(changes[i]);
      meter_.on_settled(now);
    }
    rows_before(scenario_.horizon);
    meter_.finish(scenario_.horizon);
    Report report;
    meter_.fill(report);
    return report;
  }

 private:
  void apply(const Change& change) {
    const ObservedHolding& h = observation_.holdings[change.holding];
    const SimTime now = change.t;
    const int delta = change.acquire ? 1 : -1;
    if (change.acquire)
      owner_[change.holding] =
          h.managed.value_or(false) ? std::nullopt : space_.find_owner(h.address);
    const std::optional<std::size_t> pool = owner_[change.holding];
    const bool managed = !pool;
    if (change.acquire) {
      meter_.address_acquired(now, h.lb, managed);
      meter_.exposure_changed(now, h.lb, h.address, true);
    } else {
      meter_.exposure_changed(now, h.lb, h.address, false);
      meter_.address_released(now, h.lb, managed);
    }
    if (pool) {
      pool_held_[*pool] += static_cast<std::uint64_t>(delta);
      meter_.pool_changed(now, *pool, space_.pool(*pool).capacity(), pool_held_[*pool], 0);
    }
    if (h.az) az_nodes_[h.lb][*h.az] += static_cast<std::uint32_t>(delta);
  }

  // Rows at the sample times before `until`: the state settled at the last instant before them.
  void rows_before(SimTime until) {
    if (timeseries_ == nullptr || step_.ms() <= 0) return;
    for (; next_row_ < until && next_row_ < scenario_.horizon; next_row_ += step_) {
      TimeseriesRow row;
      row.t = next_row_;
      for (std::size_t pool = 0; pool < scenario_.pools.size(); ++pool)
        row.pool_in_use.push_back(meter_.pool_in_use(pool));
      for (std::size_t lb = 0; lb < scenario_.load_balancers.size(); ++lb) {
        TimeseriesRow::LoadBalancer state = meter_.lb_state(lb);
        if (observation_.azs_known) state.az_nodes = az_nodes_[lb];
        row.load_balancers.push_back(std::move(state));
      }
      timeseries_->on_row(row);
    }
  }

  const Scenario& scenario_;
  const Observation& observation_;
  SimTime step_;
  TimeseriesObserver* timeseries_;
  FleetMeter meter_;
  AddressSpace space_;
  std::vector<std::uint64_t> pool_held_;
  std::vector<std::optional<std::size_t>> owner_;  // per holding, while held
  std::vector<std::vector<std::uint32_t>> az_nodes_;
  SimTime next_row_;
};

}  // namespace

Report replay_observation(const Scenario& scenario, const Observation& observation,
                          const ObservedWindow& window, SimTime step,
                          TimeseriesObserver* timeseries) {
  const std::vector<Change> changes = changes_in(observation, window, true);
  return Replay(scenario, observation, step, timeseries).run(changes);
}

Report replay_seen(const Scenario& scenario, const Observation& seen, const ObservedWindow& window,
                   SimTime step, TimeseriesObserver* timeseries) {
  const std::vector<Change> changes = changes_in(seen, window, false);
  return Replay(scenario, seen, step, timeseries).run(changes);
}

}  // namespace albsim
