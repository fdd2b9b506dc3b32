// The JSON of `aws cloudwatch get-metric-data` (MetricDataResults, one chosen by Id or Label)
// or `get-metric-statistics` (Datapoints, one statistic chosen) as trace rows.
#pragma once

#include <string>
#include <string_view>

#include "io/trace_columns.hpp"
#include "io/trace_loader.hpp"

namespace albsim {

// Throws TraceError (line 0, the JSON path in the message). Each series says its statistic: the
// datapoints' (get-metric-statistics), or for get-metric-data the request's, else the one its
// Label names; get-metric-data that says none is refused.
TraceColumns read_cloudwatch(std::string_view text, const TraceRequest& request);

// The one CloudWatch statistic (Sum, Average, Maximum, Minimum, SampleCount) that `label` names
// as a word, in any case, or as Avg, Max, Min ("web ConsumedLCUs sum" names Sum); empty when
// none or several.
std::string statistic_named_in(const std::string& label);

}  // namespace albsim
