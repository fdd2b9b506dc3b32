// RapidCheck generators of deterministic scenarios that use every feature of the model (MODEL.md
// §3-§7): nested and Amazon pools, reservations, several load balancers on one pool or none,
// constant, steps, diurnal and trace demand with growth, surges, AZ outages, maintenance storms,
// replacement at an age, reclaim, add_cidr, LCU reservations, attach_pool, launch delays, drain
// times and cooldowns that are not multiples of the evaluation interval, and events that fall at
// the same instant as each other and as grid points. Values shrink towards small, plain ones.
#pragma once

#include <rapidcheck.h>

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace albsim::test {

struct GeneratedScenario {
  nlohmann::json document;  // a trace's "file" is kTracePlaceholder
  std::string trace_csv;    // columns t (seconds) and lcu
  long timeseries_step_s = 60;
  // The simulator's own knobs, which change no result: grid points of demand per block (0: the
  // default day) and the pending events at which stale ones are first dropped (0: never).
  std::size_t demand_block_points = 0;
  std::size_t discard_stale_events_at = 4096;
};

inline constexpr const char* kTracePlaceholder = "TRACE.csv";

rc::Gen<GeneratedScenario> random_scenario();

// How RapidCheck prints a counterexample: the scenario and its trace, ready to pin.
void showValue(const GeneratedScenario& scenario, std::ostream& out);

}  // namespace albsim::test
