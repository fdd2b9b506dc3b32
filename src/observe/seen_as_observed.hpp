// `run --compare-observed`'s simulated side: the run seen through the observed report's source
// (observation_model.hpp), so that like is compared with like.
#pragma once

#include <nlohmann/json.hpp>

#include "albsim/report.hpp"
#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"
#include "observe/observation.hpp"

namespace albsim {

// The eyes of the source an observed report.json (read_observed_report) names, looking at a
// run of `scenario` over its own window: its kind, flags, time grid, DNS gap and answer limit,
// and samples every `sampling_s` from the run's start.
Observation source_of_report(const nlohmann::ordered_json& observed, const Scenario& scenario);

// Replication 0 of `scenario`, seen through `source`, measured as observe measures (the
// address and allowlist figures; no costs); with `timeseries`, its rows every `step` as
// observe writes them.
Report seen_as_observed(const Scenario& scenario, const Observation& source, SimTime step = {},
                        TimeseriesObserver* timeseries = nullptr);

}  // namespace albsim
