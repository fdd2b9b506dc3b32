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

std::uint64_t NodeSeries::changes() const {
  std::uint64_t total = 0;
  for (std::size_t i = 1; i < rows.size(); ++i)
    for (std::size_t c = 0; c < rows[i].size() && c < rows[i - 1].size(); ++c)
      total +=
          rows[i][c] > rows[i - 1][c] ? rows[i][c] - rows[i - 1][c] : rows[i - 1][c] - rows[i][c];
  return total;
}

std::uint64_t NodeSeries::rises() const {
  std::uint64_t total = 0;
  for (std::size_t i = 1; i < rows.size(); ++i)
    for (std::size_t c = 0; c < rows[i].size() && c < rows[i - 1].size(); ++c)
      if (rows[i][c] > rows[i - 1][c]) total += rows[i][c] - rows[i - 1][c];
  return total;
}

void NodeSeriesCollector::on_row(const TimeseriesRow& row) {
  const TimeseriesRow::LoadBalancer& lb = row.load_balancers[lb_];
  switch (count_) {
    case NodeCount::held_per_az:
      series_.rows.push_back(lb.az_nodes);
      break;
    case NodeCount::held:
      series_.rows.push_back(
          {static_cast<std::uint32_t>(lb.pool_addresses + lb.managed_addresses)});
      break;
    case NodeCount::in_dns:
      series_.rows.push_back({static_cast<std::uint32_t>(lb.exposed_nodes)});
      break;
  }
}

}  // namespace albsim
