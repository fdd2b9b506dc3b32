// libFuzzer target: the scenario loader, then a short run of whatever validates.
// Any input must give a Scenario or an InputError; a Scenario must simulate without a fault.
#include <cstddef>
#include <cstdint>
#include <string>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "albsim/simulation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  albsim::Scenario scenario;
  try {
    scenario = albsim::load_scenario_text(std::string(reinterpret_cast<const char*>(data), size),
                                          "fuzz.json");
  } catch (const albsim::InputError&) {
    return 0;
  }
  // A short run: at most two hours of it, with every invariant checked at every instant.
  scenario.horizon = std::min(scenario.horizon, albsim::SimTime::from_seconds(7200));
  albsim::SimulationOptions options;
  options.check_invariants = true;
  albsim::simulate(scenario, options);
  return 0;
}
