// Helpers shared by the tests: scenarios from inline JSON, runs with invariant checks on.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "albsim/report.hpp"
#include "albsim/scenario.hpp"
#include "albsim/simulation.hpp"

namespace albsim::test {

inline std::string source_path(const std::string& relative) {
  return std::string(ALBSIM_SOURCE_DIR) + "/" + relative;
}

inline Scenario scenario_from(const nlohmann::json& document) {
  return load_scenario_text(document.dump(), "test.json");
}

// Runs with every invariant checked after every settled instant.
inline Report run_checked(const Scenario& scenario) {
  SimulationOptions options;
  options.check_invariants = true;
  return simulate(scenario, options);
}

inline Report run_checked(const nlohmann::json& document) {
  return run_checked(scenario_from(document));
}

inline Report run_file(const std::string& relative) {
  return run_checked(load_scenario(source_path(relative)));
}

}  // namespace albsim::test
