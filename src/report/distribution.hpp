// The `distribution` object of report.json (MODEL.md §8): for every numeric metric of the
// per-replication reports, at the same path, {mean, stddev, min, p50, p95, p99, max} across
// replications; per load balancer, breach_probability with its 95% Wilson interval.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "albsim/report.hpp"

namespace albsim {

// `metrics[i]` is replication i's metrics document (the same shape for every i).
nlohmann::ordered_json distribution_json(const std::vector<nlohmann::ordered_json>& metrics,
                                         const std::vector<Report>& reports);

}  // namespace albsim
