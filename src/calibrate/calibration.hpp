// Calibration: the scaling model of one load balancer (node capacity, launch delay, scale-in
// cooldown, replacement form and age) fitted to what an observation shows of it. Every run is
// seen through the observation's source (observe/observation_model.hpp) before it is compared.
//
// Capacity, cooldown and launch delay minimise the squared error between simulated and observed
// node counts (per AZ when the source records AZs), sampled every `step`, jointly
// (joint_search.hpp: a capacity scan, then Nelder-Mead from several cooldowns). Launch delay shows
// only in DNS (a launching node holds its address but is not yet in DNS), so it is fitted only to
// a DNS log; from address holdings it is not identified. Replacement hardly moves the counts, so
// its form and age minimise the turnover error instead (FitRuns::turnover_sse: the oldest
// addresses given back; replacement_fit.hpp). The two fits alternate twice.
//
// Uncertainty. A value's interval is its profile: the values at which the error, the other
// values re-optimised (for replacement, held), stays within E_min (1 + 3.84 / n), the
// profile-likelihood bound for Gaussian residuals, n the episodes of disagreement (maximal runs of
// samples where the series differ) standing for the independent residuals (samples within an
// episode repeat each other; 3.84 is chi-square's 95% point for one degree of freedom); times are
// widened by the source's resolution. A value whose interval spans every value tried is not
// identified: the observation does not show it, and the scenario's value is kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "albsim/scenario.hpp"
#include "calibrate/node_series.hpp"
#include "calibrate/oldest_releases.hpp"
#include "observe/observation.hpp"

namespace albsim {

struct ModelParameters {
  double node_capacity_lcu = 25;
  SimTime launch_delay;  // fixed
  SimTime scale_in_cooldown;
  ReplacementSpec replacement;
};

// What calibration fits to: an observation of one load balancer, in the scenario's window.
struct CalibrationTarget {
  NodeSeries nodes;  // sampled at 0, step, 2 step, ...
  NodeCount count = NodeCount::held;
  SimTime step;
  std::vector<HeldInterval> intervals;  // addresses held (in DNS, for a DNS log)
  // The source's eyes (kind, flags, sampling; no holdings): every simulation is seen through
  // them (observe/observation_model.hpp) before it is compared.
  Observation source;
  ObservedWindow window;  // the scenario's, since the epoch
  // The samples compared: those the source covered, [first_sample, end_sample).
  std::size_t first_sample = 0, end_sample = 0;
  SimTime resolution;  // how finely the source places a change in time
};

// One fitted value and its interval: LCU for capacity, seconds otherwise. Replacement: the age
// (`every`) or mean age (`mean`) in seconds; infinity stands for no replacement.
struct FittedValue {
  std::string key;  // the scenario key
  double value = 0, low = 0, high = 0;
  bool identified = true;
  std::string method;  // how the interval was found; when not identified, why not
};

struct CalibrationFit {
  double observed_node_hours = 0, simulated_node_hours = 0;
  std::uint32_t observed_peak = 0, simulated_peak = 0;
  std::uint64_t observed_rises = 0, simulated_rises = 0;  // nodes added, sample to sample
  std::uint64_t observed_new_addresses = 0, simulated_new_addresses = 0;
  LifetimeSample observed_oldest, simulated_oldest;  // oldest_releases.hpp
  std::vector<double> rms_per_column;                // per AZ, or one for the total
  double sse = 0;
  std::size_t samples = 0;
  std::size_t simulations = 0;  // runs the fit took
};

struct Calibration {
  ModelParameters fitted;
  std::vector<FittedValue> values;  // capacity, launch delay, cooldown, replacement
  CalibrationFit fit;
  NodeSeries simulated;  // at the fit
};

// Fits load balancer `lb` of `scenario` (whose window and demand are the observation's) to
// `target`. Every run is replication 0 of the scenario's seed, so the fit is deterministic.
Calibration calibrate(const Scenario& scenario, std::size_t lb, const CalibrationTarget& target);

// `scenario` with `lb`'s model parameters replaced.
Scenario with_parameters(Scenario scenario, std::size_t lb, const ModelParameters& parameters);

}  // namespace albsim
