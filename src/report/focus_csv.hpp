// charges.csv: charge lines in the columns of FOCUS 1.2 (the FinOps Open Cost and Usage
// Specification) with AWS's extension columns (x_UsageType, x_Operation, x_ServiceCode), as
// AWS Data Exports writes a FOCUS export, and albsim's attribution (x_Pool, x_LoadBalancer,
// x_Consumer). Every line is tagged simulated.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "albsim/charges.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

// The header row's columns, in order.
const std::vector<std::string>& focus_columns();

void write_focus_csv(std::ostream& out, const Scenario& scenario,
                     const std::vector<ChargeLine>& lines);

}  // namespace albsim
