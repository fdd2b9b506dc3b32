// Pricing of a measured run (MODEL.md §6): fills every cost field of a report from its address
// figures and the scenario's pools and prices.
#pragma once

#include "albsim/report.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

void price_report(const Scenario& scenario, Report& report);

}  // namespace albsim
