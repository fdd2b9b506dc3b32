// What calibration fits to, taken from an observation: the load balancer observed, its node
// counts as the source shows them (observe's replay, sampled), and the intervals it held each
// address (or, for a DNS log, showed it).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "albsim/scenario.hpp"
#include "calibrate/calibration.hpp"
#include "observe/observation.hpp"

namespace albsim {

// The load balancer to calibrate: --lb when given, else the only one the observation holds
// addresses of. Throws InputError naming --lb when it holds several (listing them).
std::size_t observed_load_balancer(const Scenario& scenario, const Observation& observation,
                                   const std::optional<std::string>& lb_option);

// Calibration simulates the scenario over its own window, [start, start + horizon): its demand
// (a trace's alignment, the diurnal calendar) is resolved there. require_start throws InputError
// naming the scenario's /start when it has none; check_calibration_window names --from or --to
// when they give another window (moving the window would leave the demand where it was).
void require_start(const Scenario& scenario, const std::string& scenario_path);
void check_calibration_window(const Scenario& scenario, const ObservedWindow& window);

// The target for load balancer `lb` over `window` (`scenario` is the window's). Sampled at the
// source's own sampling interval (whole seconds), or at the load balancer's evaluation interval
// for IPAM history, whose times are AWS's own; compared only where the source covered the
// window (observe.hpp's coverage_of).
CalibrationTarget observed_target(const Scenario& scenario, std::size_t lb,
                                  const Observation& observation, const ObservedWindow& window);

// The intervals `observation` shows load balancer `lb` holding addresses (in DNS, for a DNS
// log), in ms since the window's start, clipped to it (kHeldToTheEnd: past its end).
std::vector<HeldInterval> held_intervals(const Observation& observation, std::size_t lb,
                                         const ObservedWindow& window);

// What the target's counts are, for people: "addresses held per AZ" and so on.
std::string count_name(NodeCount count);

}  // namespace albsim
