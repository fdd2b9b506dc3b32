// The work limit: so that no valid scenario runs for hours, one run's time is estimated from what
// it processes over the horizon, fleet-wide, and a scenario estimated above about a minute is
// refused (scenarios/README.md, "Limits").
#pragma once

#include <cstdint>
#include <string>

#include "albsim/scenario.hpp"

namespace albsim {

// Throws InputError at the JSON pointer of the largest share of the estimate, with the estimate
// and what would lower it, when one run would take more than about a minute.
void check_work(const Scenario& scenario);

// Throws InputError naming `option` (--replications) when `replications` of `runs_each` runs of
// `scenario` each (plan: one per candidate) on this process's `workers` threads would take more
// than about a day: the estimate, and how many replications would fit, in the message.
void check_replicated_work(const Scenario& scenario, std::uint64_t replications,
                           std::uint64_t runs_each, unsigned workers, const std::string& option);

}  // namespace albsim
