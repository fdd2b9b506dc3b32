#include "sim/timeseries_sampler.hpp"

namespace albsim {

void TimeseriesSampler::on_held_until(SimTime until) {
  while (next_ < until && next_ < scenario_.horizon) {
    TimeseriesRow& row = row_;  // reused, so rows cost no allocation
    row.t = next_;
    row.pool_in_use.clear();
    for (std::size_t pool = 0; pool < scenario_.pools.size(); ++pool)
      row.pool_in_use.push_back(meter_.pool_in_use(pool));
    row.load_balancers.resize(scenario_.load_balancers.size());
    for (std::size_t lb = 0; lb < scenario_.load_balancers.size(); ++lb) {
      TimeseriesRow::LoadBalancer& state = row.load_balancers[lb];
      std::vector<std::uint32_t> az_nodes = std::move(state.az_nodes);
      az_nodes.clear();
      for (const AzState& az : fleet_.azs(lb))
        az_nodes.push_back(static_cast<std::uint32_t>(az.nodes.size()));
      state = meter_.lb_state(lb);
      state.demand_lcu = fleet_.demand_held_at(lb, next_);  // the meter may not have it yet
      state.az_nodes = std::move(az_nodes);
    }
    out_.on_row(row);
    next_ += step_;
  }
}

}  // namespace albsim
