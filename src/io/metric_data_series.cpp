#include "io/metric_data_series.hpp"

namespace albsim {

std::vector<MetricDataSeries> group_metric_data(const std::vector<MetricDataResult>& results) {
  std::vector<MetricDataSeries> series;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const MetricDataResult& r = results[i];
    MetricDataSeries* same = nullptr;
    for (MetricDataSeries& s : series)
      if (s.id == r.id) same = &s;
    if (!same) same = &series.emplace_back(MetricDataSeries{r.id, r.label, {}, ""});
    same->results.push_back(i);
    same->status = r.status;
  }
  return series;
}

std::optional<std::string> metric_data_gap(const MetricDataSeries& series, bool next_token) {
  const std::string pages =
      "let the AWS CLI fetch every page (leave out --no-paginate and --max-items) and save its "
      "whole output";
  if (next_token || series.status == "PartialData")
    return "result \"" + series.id + "\" is part of its data (" +
           (next_token ? std::string("the output ends with a NextToken")
                       : "StatusCode PartialData") +
           "): " + pages;
  if (!series.status.empty() && series.status != "Complete")
    return "result \"" + series.id + "\" has StatusCode " + series.status +
           ": CloudWatch did not answer the query; run it again";
  return std::nullopt;
}

}  // namespace albsim
