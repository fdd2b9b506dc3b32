// The JSON of `aws cloudwatch get-metric-data` (MetricDataResults, one chosen by Id or Label)
// or `get-metric-statistics` (Datapoints, one statistic chosen) as trace rows.
#pragma once

#include <string_view>

#include "io/trace_columns.hpp"
#include "io/trace_loader.hpp"

namespace albsim {

// Throws TraceError (line 0, the JSON path in the message).
TraceColumns read_cloudwatch(std::string_view text, const TraceRequest& request);

}  // namespace albsim
