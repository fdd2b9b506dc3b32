#include "sim/timeseries_sampler.hpp"

namespace albsim {
namespace {

// The settled state at `t` into `row`, reusing its vectors so rows cost no allocation.
void fill_row(TimeseriesRow& row, SimTime t, const Scenario& scenario, const FleetMeter& meter,
              const Fleet& fleet) {
  row.t = t;
  row.pool_in_use.clear();
  row.pool_reserved.clear();
  row.pool_capacity.clear();
  for (std::size_t pool = 0; pool < scenario.pools.size(); ++pool) {
    row.pool_in_use.push_back(meter.pool_in_use(pool));
    row.pool_reserved.push_back(meter.pool_reserved(pool));
    row.pool_capacity.push_back(meter.pool_capacity(pool));
  }
  row.load_balancers.resize(scenario.load_balancers.size());
  for (std::size_t lb = 0; lb < scenario.load_balancers.size(); ++lb) {
    TimeseriesRow::LoadBalancer& state = row.load_balancers[lb];
    std::vector<std::uint32_t> az_nodes = std::move(state.az_nodes);
    az_nodes.clear();
    for (const AzState& az : fleet.azs(lb))
      az_nodes.push_back(static_cast<std::uint32_t>(az.nodes.size()));
    state = meter.lb_state(lb);
    state.demand_lcu = fleet.demand_held_at(lb, t);  // the meter may not have it yet
    state.az_nodes = std::move(az_nodes);
  }
}

}  // namespace

void TimeseriesSampler::on_held_until(SimTime until) {
  while (next_ < until && next_ < scenario_.horizon) {
    fill_row(row_, next_, scenario_, meter_, fleet_);
    out_.on_row(row_);
    next_ += step_;
  }
}

void ChangeSampler::on_settled(SimTime now) {
  if (now >= scenario_.horizon) return;
  fill_row(row_, now, scenario_, meter_, fleet_);
  out_.on_row(row_);
}

}  // namespace albsim
