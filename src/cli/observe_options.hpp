// The options that name an observation (observe, calibrate): its source, the load balancer and
// the window.
#pragma once

#include <CLI/CLI.hpp>

#include "observe/observe.hpp"

namespace albsim {

void add_observation_options(CLI::App& command, ObserveRequest& request);

}  // namespace albsim
