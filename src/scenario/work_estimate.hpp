// The work limit: so that no valid scenario runs for hours, one run's time is estimated from what
// it processes over the horizon, fleet-wide, and a scenario estimated above about a minute is
// refused (scenarios/README.md, "Limits").
#pragma once

#include "albsim/scenario.hpp"

namespace albsim {

// Throws InputError at the JSON pointer of the largest share of the estimate, with the estimate
// and what would lower it, when one run would take more than about a minute.
void check_work(const Scenario& scenario);

}  // namespace albsim
