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
  // The squared count differences of a run (sse).
  double error(const FitRun& run) const { return sse(run.nodes); }

  // Squared count differences over the common samples: in total, and per column.
  double sse(const NodeSeries& simulated) const;
  std::vector<double> column_sse(const NodeSeries& simulated) const;
  // Over the compared samples, the squared differences of the turnover: the number of oldest
  // addresses given back since the first sample (oldest_release_times), which marks the
  // replacements, which leave the counts as they were (a new node's address for an old one's)
  // and which scaling, draining the newest nodes first, hardly makes.
  double turnover_sse(const std::vector<HeldInterval>& simulated) const;
  // Maximal runs of samples at which the turnovers differ (at least 1).
  std::size_t turnover_disagreements(const std::vector<HeldInterval>& simulated) const;
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
  // The turnover of `intervals` at each compared sample.
  std::vector<std::uint32_t> turnover_by_sample(const std::vector<HeldInterval>& intervals) const;

  const CalibrationTarget& target_;
  std::vector<std::uint32_t> target_turnover_;
  std::size_t runs_ = 0;
};

}  // namespace albsim
