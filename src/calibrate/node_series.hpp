// Node counts of one load balancer sampled on a grid, per AZ (or in total when the source does
// not record AZs): what calibration compares between a simulation and an observation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "albsim/run_options.hpp"

namespace albsim {

struct NodeSeries {
  std::vector<std::vector<std::uint32_t>> rows;  // per sample time, per AZ (one column: total)

  double node_hours(SimTime step) const;  // sum of counts times the step
  std::uint32_t peak() const;             // largest total
  std::uint64_t increases() const;        // sample-to-sample rises, summed over the columns
};

// Collects a run's (or a replay's) timeseries rows of load balancer `lb` into a NodeSeries:
// per AZ when `per_az`, else the addresses it holds in total.
class NodeSeriesCollector final : public TimeseriesObserver {
 public:
  NodeSeriesCollector(std::size_t lb, bool per_az) : lb_(lb), per_az_(per_az) {}
  void on_row(const TimeseriesRow& row) override;
  NodeSeries take() { return std::move(series_); }

 private:
  std::size_t lb_;
  bool per_az_;
  NodeSeries series_;
};

}  // namespace albsim
