#include "sim/timeseries_sampler.hpp"

namespace albsim {

void TimeseriesSampler::on_held_until(SimTime until) {
  while (next_ < until && next_ < scenario_.horizon) {
    TimeseriesRow row;
    row.t = next_;
    for (std::size_t pool = 0; pool < scenario_.pools.size(); ++pool)
      row.pool_in_use.push_back(meter_.pool_in_use(pool));
    for (std::size_t lb = 0; lb < scenario_.load_balancers.size(); ++lb) {
      TimeseriesRow::LoadBalancer state = meter_.lb_state(lb);
      for (const Fleet::AzState& az : fleet_.azs(lb))
        state.az_nodes.push_back(static_cast<std::uint32_t>(az.nodes.size()));
      row.load_balancers.push_back(std::move(state));
    }
    out_.on_row(row);
    next_ += step_;
  }
}

}  // namespace albsim
