// The base demand of MODEL.md §5 (before surges), written again from the text for the reference
// stepper: constant, steps, diurnal on the UTC calendar, a trace's last sample at or before t
// (with align and loop), times the growth (1 + g)^(t / 30d). The fixed forms only: no noise,
// random align or bootstrap.
#pragma once

#include <cstdint>

#include "albsim/scenario.hpp"

namespace albsim::reference {

// Without a `start`, t = 0 is a Monday, 00:00 UTC: 1970-01-05.
inline constexpr std::int64_t kMondayEpochMs = 4LL * 86'400'000;

double base_demand(const DemandSpec& demand, std::int64_t start_epoch_ms, SimTime t);

}  // namespace albsim::reference
