// Which CloudWatch series is a load balancer's demand, and how it becomes LCU, for
// `albsim import aws --metrics`. It refuses to guess: two results that could both be one load
// balancer's demand, or a metric that is not ConsumedLCUs without an explicit conversion, are
// errors that say which option decides.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "io/metric_data_series.hpp"

namespace albsim {

struct MetricOptions {
  std::string file;       // get-metric-data or get-metric-statistics output
  std::string reference;  // how the scenario names that file
  // --metric: "ID|LABEL" for every load balancer, or "LB=ID|LABEL" for one.
  std::vector<std::string> choices;
  std::optional<std::string> as;         // --metric-as: "lcu" or "requests"
  std::optional<std::string> statistic;  // --statistic, for get-metric-statistics output
};

class MetricSource {
 public:
  using Json = nlohmann::ordered_json;

  // Reads the file. Throws InputError naming it when it is neither output.
  explicit MetricSource(MetricOptions options);

  // The scenario's `trace` object for `lb`'s demand, or none when no result names it (a note
  // says so). Throws InputError (file, JSON pointer, the option that decides) rather than guess.
  std::optional<Json> trace_for(const std::string& lb, std::vector<std::string>& notes);

  // The time the traces handed out so far cover: their first sample to their last plus one
  // period (epoch milliseconds); none before any.
  struct TraceSpan {
    std::int64_t first_ms = 0, end_ms = 0;
  };
  std::optional<TraceSpan> span() const { return span_; }

  // The results, for a message: `"ID" (Label "LABEL")`, ... (the datapoints: their Label).
  std::string results_named() const;

 private:
  enum class Kind { lcu, requests, unknown };
  struct Series {
    std::string pointer;  // of the result or of the datapoints
    std::string id;       // get-metric-data Id ("" for datapoints)
    std::string label;
    std::vector<std::string> timestamps;
    std::optional<std::string> gap;  // why it is not the query's whole answer (get-metric-data)
  };

  std::optional<std::string> choice_for(const std::string& lb) const;
  // get-metric-data: its results grouped by query (io/metric_data_series.hpp).
  std::vector<MetricDataSeries> metric_data_series() const;
  std::vector<Series> candidates_for(const std::string& lb) const;
  Json trace_of(const std::string& lb, const Series& s, std::vector<std::string>& notes);
  Kind kind_of(const Series& s) const;

  MetricOptions options_;
  Json doc_;
  bool datapoints_ = false;        // get-metric-statistics output: one series, no Ids
  std::string statistic_;          // of the datapoints
  std::set<std::string> used_by_;  // load balancers given the datapoints' one series
  std::optional<TraceSpan> span_;
};

}  // namespace albsim
