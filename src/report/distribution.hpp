// The `distribution` object of report.json (MODEL.md §8): for every numeric metric of the
// per-replication reports, at the same path, {mean, stddev, min, p50, p95, p99, max} across
// replications; per load balancer, breach_probability with its 95% Wilson interval.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "albsim/report.hpp"

namespace albsim {

// `first` is replication 0's metrics (metrics_layout.hpp); `columns[k]` holds, in replication
// order, the numbers every replication has at leaf k of that document (depth first, strings
// of objects skipped; a null adds nothing).
nlohmann::ordered_json distribution_json(const nlohmann::ordered_json& first,
                                         std::vector<std::vector<double>> columns,
                                         const std::vector<Report>& reports);

}  // namespace albsim
