#include "calibrate/node_series.hpp"

#include <algorithm>
#include <numeric>

namespace albsim {

double NodeSeries::node_hours(SimTime step) const {
  double total = 0;
  for (const auto& row : rows) total += std::accumulate(row.begin(), row.end(), 0.0);
  return total * step.hours_f();
}

std::uint32_t NodeSeries::peak() const {
  std::uint32_t peak = 0;
  for (const auto& row : rows) peak = std::max(peak, std::accumulate(row.begin(), row.end(), 0u));
  return peak;
}

std::uint64_t NodeSeries::increases() const {
  std::uint64_t rises = 0;
  for (std::size_t i = 1; i < rows.size(); ++i)
    for (std::size_t az = 0; az < rows[i].size() && az < rows[i - 1].size(); ++az)
      if (rows[i][az] > rows[i - 1][az]) rises += rows[i][az] - rows[i - 1][az];
  return rises;
}

void NodeSeriesCollector::on_row(const TimeseriesRow& row) {
  const TimeseriesRow::LoadBalancer& lb = row.load_balancers[lb_];
  if (per_az_)
    series_.rows.push_back(lb.az_nodes);
  else
    series_.rows.push_back(
        {static_cast<std::uint32_t>(lb.pool_addresses + lb.managed_addresses)});
}

}  // namespace albsim
