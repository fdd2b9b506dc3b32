// `albsim run --compare-observed OBS`: the run's replication 0 beside what `albsim observe`
// measured for a real load balancer, metric by metric, so an architect sees how far the model is
// from their ALB before trusting a plan.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "albsim/report.hpp"

namespace albsim {

// The observed report.json at `path` (or in the folder `path`). Throws InputError naming it when
// it is not a report of `albsim observe`.
nlohmann::ordered_json read_observed_report(const std::string& path);

// Per load balancer of `run` (the run seen through the observed source: seen_as_observed.hpp)
// that the observed report has too (by id): each metric simulated,
// observed and their difference, for every address and allowlist figure of the schema
// (albsim/report.hpp). Figures that accrue are per 730-hour month, so windows of different
// lengths compare; levels and ratios are as they are.
void print_observed_comparison(std::ostream& out, const Report& run,
                               const nlohmann::ordered_json& observed);

}  // namespace albsim
