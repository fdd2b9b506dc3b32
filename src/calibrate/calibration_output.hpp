// What `albsim calibrate` writes: calibration.json (every fitted value with its interval, and
// the fit), the `--set` overrides that carry the fit into any other command, the node counts
// observed and simulated side by side (for the chart), and the printed summary.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "albsim/load_scenario.hpp"
#include "albsim/scenario.hpp"
#include "calibrate/calibration.hpp"
#include "observe/observation.hpp"

namespace albsim {

struct CalibrationContext {
  std::string scenario_path;
  const Scenario* scenario = nullptr;  // the observed window's
  std::size_t lb = 0;
  const Observation* observation = nullptr;
  ObservedWindow window;
  const CalibrationTarget* target = nullptr;
};

// The overrides setting every identified value at load balancer `lb` (capacity to 4 significant
// digits, durations to whole seconds); values not identified are left as the scenario has them.
// "every" or "mean" (none: the kind a fit would have, mean).
const char* kind_name(const ReplacementSpec& r);

std::vector<Override> fitted_overrides(std::size_t lb, const Calibration& calibration);

// calibration.json ("schema": "albsim.calibration/1"), deterministic byte for byte.
nlohmann::ordered_json calibration_json(const CalibrationContext& context,
                                        const Calibration& calibration);

// CSV: t_s, then observed_<column> and simulated_<column> per column (AZ names, or "total").
void write_calibration_nodes(std::ostream& out, const CalibrationContext& context,
                             const Calibration& calibration);

// The summary a person reads: the fitted values with their intervals, the fit's figures
// observed and simulated, and the --set overrides (calibration_summary.cpp).
void print_calibration(std::ostream& out, const CalibrationContext& context,
                       const Calibration& calibration);

// The column names of the target's counts: the load balancer's AZs, or "total".
std::vector<std::string> count_columns(const CalibrationContext& context);

}  // namespace albsim
