// Where an imported scenario's demand comes from, for `import aws` and `import terraform`: a
// load balancer's CloudWatch metric (--metrics, read once), a constant or a demand object the
// user gives (--demand), else the importer's fallback. Also the scenario's `start` and `horizon`,
// which the metrics' span sets.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "import/metric_choice.hpp"

namespace albsim {

struct DemandInput {
  std::optional<std::string> metrics;       // get-metric-data or get-metric-statistics output
  std::string metrics_reference;            // how the scenario refers to that file
  std::vector<std::string> metric_choices;  // --metric ID|LABEL or LB=ID|LABEL
  std::optional<std::string> metric_as;     // --metric-as lcu|requests
  std::optional<std::string> statistic;     // --statistic, for get-metric-statistics output
  // --demand: "SPEC" for every load balancer or "LB=SPEC" for one; SPEC is a number of LCU or a
  // scenario `demand` object in JSON. A load balancer's own wins over the metrics.
  std::vector<std::string> demands;
  // --horizon; none: the span of the --metrics traces (else 30 days). With --metrics the
  // scenario's `start` is their first sample either way.
  std::optional<std::string> horizon;
};

class DemandSources {
 public:
  using Json = nlohmann::ordered_json;

  // Throws InputError for a --demand that is neither a number nor a JSON object.
  explicit DemandSources(const DemandInput& input);

  // `lb`'s `demand` object: its --demand, else its metric, else `fallback` (with a note).
  Json demand_for(const std::string& lb, const Json& fallback, const std::string& fallback_note,
                  std::vector<std::string>& notes);

  // Throws InputError when metrics were given, load balancers asked, and none named.
  void check_metrics_used(std::size_t load_balancers) const;

  // `start` (from the metrics) and `horizon` of the scenario.
  void set_horizon(Json& scenario, std::vector<std::string>& notes) const;

  // Throws InputError for an LB=SPEC naming no load balancer of `imported`.
  void check_demands_used(const std::vector<std::string>& imported) const;

 private:
  const DemandInput& input_;
  Json every_;                                     // --demand SPEC, or null
  std::vector<std::pair<std::string, Json>> own_;  // --demand LB=SPEC
  std::size_t traces_ = 0;                         // load balancers given a metric
  std::optional<MetricSource> metrics_;            // the CloudWatch output, read once
};

}  // namespace albsim
