// The runs a calibration makes: one load balancer's model parameters tried on the scenario,
// each run measured in the observation's terms and compared with it.
#pragma once

#include <cstddef>
#include <vector>

#include "albsim/scenario.hpp"
#include "calibrate/node_series.hpp"
#include "calibrate/oldest_releases.hpp"

namespace albsim {

struct ModelParameters;
struct CalibrationTarget;

struct FitRun {
  NodeSeries nodes;
  std::vector<HeldInterval> intervals;
};

class FitRuns {
 public:
  FitRuns(const Scenario& scenario, std::size_t lb, const CalibrationTarget& target);

  // A run seen through the target's source (observe/observation_model.hpp): its node series
  // and the intervals its addresses were seen held (what the replacement fit needs).
  FitRun run(const ModelParameters& p);
  NodeSeries nodes(const ModelParameters& p);
  double error(const ModelParameters& p) { return sse(nodes(p)); }

  // Squared count differences over the common samples: in total, and per column.
  double sse(const NodeSeries& simulated) const;
  std::vector<double> column_sse(const NodeSeries& simulated) const;
  // The end of the compared samples, and how many there are (from the first covered one).
  std::size_t samples(const NodeSeries& simulated) const;
  std::size_t compared(const NodeSeries& simulated) const;
  // Maximal runs of samples at which some column differs (at least 1).
  std::size_t disagreements(const NodeSeries& simulated) const;

  // Intervals starting before this (the first covered sample) were held when observation began.
  std::int64_t censored_before_ms() const;
  std::size_t count() const { return runs_; }

 private:
  const Scenario& scenario_;
  std::size_t lb_;
  const CalibrationTarget& target_;
  std::size_t runs_ = 0;
};

}  // namespace albsim
