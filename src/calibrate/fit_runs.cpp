#include "calibrate/fit_runs.hpp"

#include <algorithm>
#include <utility>

#include "albsim/simulation.hpp"
#include "calibrate/calibration.hpp"
#include "calibrate/observed_target.hpp"
#include "observe/observation_model.hpp"
#include "observe/replay.hpp"

namespace albsim {
namespace {

// Maximal runs of k in [0, count) at which `differs(k)`; at least 1 (the error's episodes of
// disagreement, which stand for its independent residuals).
template <class Differs>
std::size_t episodes_of_difference(std::size_t count, Differs differs) {
  std::size_t runs = 0;
  bool inside = false;
  for (std::size_t k = 0; k < count; ++k) {
    const bool now = differs(k);
    if (now && !inside) ++runs;
    inside = now;
  }
  return std::max<std::size_t>(1, runs);
}

}  // namespace

FitRuns::FitRuns(const Scenario& scenario, std::size_t lb, const CalibrationTarget& target)
    : scenario_(scenario),
      lb_(lb),
      target_(target),
      target_turnover_(turnover_by_sample(target.intervals)) {}

std::vector<std::uint32_t> FitRuns::turnover_by_sample(
    const std::vector<HeldInterval>& intervals) const {
  const std::vector<std::int64_t> releases = oldest_release_times(intervals);
  std::vector<std::uint32_t> turnover;
  std::size_t next = 0;
  const std::size_t end = std::min(target_.end_sample, target_.nodes.rows.size());
  const std::int64_t from = static_cast<std::int64_t>(target_.first_sample) * target_.step.ms();
  while (next < releases.size() && releases[next] <= from) ++next;
  const std::size_t before = next;
  for (std::size_t i = target_.first_sample; i < end; ++i) {
    const std::int64_t t = static_cast<std::int64_t>(i) * target_.step.ms();
    while (next < releases.size() && releases[next] <= t) ++next;
    turnover.push_back(static_cast<std::uint32_t>(next - before));
  }
  return turnover;
}

double FitRuns::turnover_sse(const std::vector<HeldInterval>& simulated) const {
  const std::vector<std::uint32_t> taken = turnover_by_sample(simulated);
  double total = 0;
  for (std::size_t i = 0; i < taken.size() && i < target_turnover_.size(); ++i) {
    const double d = static_cast<double>(taken[i]) - static_cast<double>(target_turnover_[i]);
    total += d * d;
  }
  return total;
}

FitRun FitRuns::run(const ModelParameters& p) {
  ++runs_;
  const Scenario scenario = with_parameters(scenario_, lb_, p);
  SimulatedAddressLog log;
  SimulationOptions options;
  options.address_log = &log;
  simulate(scenario, options);
  const Observation seen = observe_run(log.addresses(), target_.window.from_ms, target_.source,
                                       scenario, lb_, scenario.seed);
  NodeSeriesCollector nodes(lb_, target_.count);
  replay_seen(scenario, seen, target_.window, target_.step, &nodes);
  return {nodes.take(), held_intervals(seen, lb_, target_.window)};
}

std::size_t FitRuns::turnover_disagreements(const std::vector<HeldInterval>& simulated) const {
  const std::vector<std::uint32_t> turnover = turnover_by_sample(simulated);
  return episodes_of_difference(std::min(turnover.size(), target_turnover_.size()),
                                [&](std::size_t i) { return turnover[i] != target_turnover_[i]; });
}

double FitRuns::sse(const NodeSeries& simulated) const {
  double total = 0;
  for (const double s : column_sse(simulated)) total += s;
  return total;
}

std::vector<double> FitRuns::column_sse(const NodeSeries& simulated) const {
  const NodeSeries& observed = target_.nodes;
  std::vector<double> out(observed.columns(), 0.0);
  for (std::size_t i = target_.first_sample; i < samples(simulated); ++i)
    for (std::size_t c = 0; c < out.size(); ++c) {
      const double d =
          static_cast<double>(simulated.rows[i][c]) - static_cast<double>(observed.rows[i][c]);
      out[c] += d * d;
    }
  return out;
}

std::size_t FitRuns::samples(const NodeSeries& simulated) const {
  return std::min({simulated.rows.size(), target_.nodes.rows.size(), target_.end_sample});
}

std::int64_t FitRuns::censored_before_ms() const {
  return target_.step.ms() * static_cast<std::int64_t>(target_.first_sample + 1);
}

std::size_t FitRuns::compared(const NodeSeries& simulated) const {
  const std::size_t end = samples(simulated);
  return end > target_.first_sample ? end - target_.first_sample : 0;
}

std::size_t FitRuns::disagreements(const NodeSeries& simulated) const {
  const std::size_t first = target_.first_sample, end = samples(simulated);
  return episodes_of_difference(end > first ? end - first : 0, [&](std::size_t i) {
    return simulated.rows[first + i] != target_.nodes.rows[first + i];
  });
}

}  // namespace albsim
