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

  // A run with the held intervals of its addresses recorded (what the replacement fit needs).
  FitRun run(const ModelParameters& p);
  // A run's node series alone: most runs of a search need no more.
  NodeSeries nodes(const ModelParameters& p);
  double error(const ModelParameters& p) { return sse(nodes(p)); }

  // Squared count differences over the common samples: in total, and per column.
  double sse(const NodeSeries& simulated) const;
  std::vector<double> column_sse(const NodeSeries& simulated) const;
  std::size_t samples(const NodeSeries& simulated) const;
  // Maximal runs of samples at which some column differs (at least 1).
  std::size_t disagreements(const NodeSeries& simulated) const;

  // Intervals starting before this (the first sample) were held when observation began.
  std::int64_t censored_before_ms() const;
  std::size_t count() const { return runs_; }

 private:
  NodeSeries simulate_run(const ModelParameters& p, AddressLog* address_log);

  const Scenario& scenario_;
  std::size_t lb_;
  const CalibrationTarget& target_;
  std::size_t runs_ = 0;
};

}  // namespace albsim
