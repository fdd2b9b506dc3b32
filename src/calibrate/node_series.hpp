// Node counts of one load balancer sampled on a grid: what calibration compares between a
// simulation and an observation, counted the way the observation can see them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "albsim/run_options.hpp"

namespace albsim {

// What a source shows of the nodes. ENI snapshots: addresses held per AZ. IPAM address
// history: addresses held, in total (it records no AZ). A DNS log: addresses in DNS answers
// (nodes in service: a launching node is not yet there, a draining one no longer).
enum class NodeCount { held_per_az, held, in_dns };

struct NodeSeries {
  std::vector<std::vector<std::uint32_t>> rows;  // per sample time, per column (AZ, or total)

  std::size_t columns() const { return rows.empty() ? 0 : rows.front().size(); }
  double node_hours(SimTime step) const;  // sum of counts times the step
  std::uint32_t peak() const;             // largest row total
  std::uint64_t changes() const;          // sample-to-sample rises and falls, in nodes
  std::uint64_t rises() const;            // sample-to-sample rises, in nodes
};

// Collects the timeseries rows of load balancer `lb` of a run (or a replay) into a NodeSeries.
class NodeSeriesCollector final : public TimeseriesObserver {
 public:
  NodeSeriesCollector(std::size_t lb, NodeCount count) : lb_(lb), count_(count) {}
  void on_row(const TimeseriesRow& row) override;
  NodeSeries take() { return std::move(series_); }

 private:
  std::size_t lb_;
  NodeCount count_;
  NodeSeries series_;
};

}  // namespace albsim
