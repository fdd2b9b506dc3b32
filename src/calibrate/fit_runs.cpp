#include "calibrate/fit_runs.hpp"

#include <algorithm>
#include <utility>

#include "albsim/simulation.hpp"
#include "calibrate/calibration.hpp"

namespace albsim {

FitRuns::FitRuns(const Scenario& scenario, std::size_t lb, const CalibrationTarget& target)
    : scenario_(scenario), lb_(lb), target_(target) {}

NodeSeries FitRuns::simulate_run(const ModelParameters& p, AddressLog* address_log) {
  ++runs_;
  NodeSeriesCollector nodes(lb_, target_.count);
  SimulationOptions options;
  options.timeseries_step = target_.step;
  options.timeseries = &nodes;
  options.address_log = address_log;
  simulate(with_parameters(scenario_, lb_, p), options);
  return nodes.take();
}

FitRun FitRuns::run(const ModelParameters& p) {
  HeldIntervalRecorder intervals(lb_, target_.count == NodeCount::in_dns);
  NodeSeries nodes = simulate_run(p, &intervals);
  return {std::move(nodes), intervals.take()};
}

NodeSeries FitRuns::nodes(const ModelParameters& p) {
  return simulate_run(p, nullptr);
}

double FitRuns::sse(const NodeSeries& simulated) const {
  double total = 0;
  for (const double s : column_sse(simulated)) total += s;
  return total;
}

std::vector<double> FitRuns::column_sse(const NodeSeries& simulated) const {
  const NodeSeries& observed = target_.nodes;
  std::vector<double> out(observed.columns(), 0.0);
  for (std::size_t i = 0; i < samples(simulated); ++i)
    for (std::size_t c = 0; c < out.size(); ++c) {
      const double d =
          static_cast<double>(simulated.rows[i][c]) - static_cast<double>(observed.rows[i][c]);
      out[c] += d * d;
    }
  return out;
}

std::size_t FitRuns::samples(const NodeSeries& simulated) const {
  return std::min(simulated.rows.size(), target_.nodes.rows.size());
}

std::int64_t FitRuns::censored_before_ms() const {
  return target_.step.ms();
}

std::size_t FitRuns::disagreements(const NodeSeries& simulated) const {
  std::size_t runs = 0;
  bool inside = false;
  for (std::size_t i = 0; i < samples(simulated); ++i) {
    const bool differs = simulated.rows[i] != target_.nodes.rows[i];
    if (differs && !inside) ++runs;
    inside = differs;
  }
  return std::max<std::size_t>(1, runs);
}

}  // namespace albsim
