// Calibration: the scaling model of one load balancer (node capacity, launch delay, scale-in
// cooldown, replacement age) fitted to what an observation shows, by coordinate search over
// grids of sensible values with a golden-section refinement of the capacity, each value with
// the interval of its error profile.
//
// The error is the sum over sample times and AZs of (simulated - observed nodes)^2, nodes
// sampled every `step` (per AZ when the observation records AZs, else addresses held in total).
// Replacement is fitted to the rate of node arrivals instead: its timing is random or unknown,
// so it is the count of rises in the node series that must agree, not their instants. A value's
// interval is every value of its profile (the others held at the fit) whose error stays within
// SSE_min (1 + 3.84 / n), n the observed rises (an effective count of independent changes; 3.84
// is the 95% point of chi-square with one degree of freedom); for replacement, the ages whose
// rise count stays within 2 sqrt(observed rises) of the observed one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "albsim/scenario.hpp"
#include "calibrate/node_series.hpp"

namespace albsim {

struct ModelParameters {
  double node_capacity_lcu = 25;
  SimTime launch_delay;  // fixed
  SimTime scale_in_cooldown;
  ReplacementSpec replacement;
};

// One fitted value and its interval, as numbers (LCU, seconds; replacement: the age in seconds,
// 0 for none).
struct FittedValue {
  std::string name;
  double value = 0, low = 0, high = 0;
};

struct CalibrationFit {
  double observed_node_hours = 0, simulated_node_hours = 0;
  std::uint32_t observed_peak = 0, simulated_peak = 0;
  std::uint64_t observed_rises = 0, simulated_rises = 0;
  std::vector<double> rms_per_az;  // one value when AZs are not known
  double sse = 0;
  std::size_t samples = 0;
  std::size_t simulations = 0;
};

struct Calibration {
  ModelParameters fitted;
  std::vector<FittedValue> values;  // capacity, launch delay, cooldown, replacement
  CalibrationFit fit;
  NodeSeries simulated;  // at the fit
};

// Fits load balancer `lb` of `scenario` (whose window and demand are the observation's) to
// `observed`, sampled every `step` from t = 0. `per_az`: the series are per AZ.
Calibration calibrate(const Scenario& scenario, std::size_t lb, const NodeSeries& observed,
                      bool per_az, SimTime step);

// `scenario` with `lb`'s model parameters replaced.
Scenario with_parameters(Scenario scenario, std::size_t lb, const ModelParameters& parameters);

}  // namespace albsim
