// `aws cloudwatch get-metric-data` output as series, one per query. The AWS CLI fetches every
// page and lists each query once per page, in page order, so a long series (more than 100,800
// points a call) arrives as several results with one Id: the first pages StatusCode
// "PartialData", the last "Complete". The results of one Id are one series, their Timestamps and
// Values concatenated. A series is whole when its last result is Complete (or gives no
// StatusCode, as a file written by hand) and the output does not end with a NextToken.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace albsim {

// What a MetricDataResults element says of itself ("" for a member that is absent).
struct MetricDataResult {
  std::string id, label, status;
};

struct MetricDataSeries {
  std::string id;
  std::string label;                 // of its first result
  std::vector<std::size_t> results;  // its elements of MetricDataResults, in order
  std::string status;                // StatusCode of its last result
};

// The series of `results` (MetricDataResults in order), in the order their Ids first appear.
std::vector<MetricDataSeries> group_metric_data(const std::vector<MetricDataResult>& results);

// Why `series` is not its query's whole answer, or nullopt when it is. `next_token`: the output
// ends with a NextToken (a page saved with --no-paginate or cut by --max-items).
std::optional<std::string> metric_data_gap(const MetricDataSeries& series, bool next_token);

}  // namespace albsim
