// TimeseriesCsv: streams timeseries rows to CSV as the simulation produces them, so a long run
// holds one row in memory. Columns: t_s, time_utc (when the scenario has a start), then per pool
// `pool:<id>:in_use`, then per load balancer `lb:<id>:` pool_addresses, managed_addresses,
// exposed_nodes, outside_nodes, demand_lcu and, per AZ, `lb:<id>:az:<az>:nodes` (nodes holding
// an address there: launching, in service or draining; empty when a row does not know them).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

class TimeseriesCsv : public TimeseriesObserver {
 public:
  TimeseriesCsv(std::ostream& out, const Scenario& scenario);
  void on_row(const TimeseriesRow& row) override;

 private:
  std::ostream& out_;
  std::optional<std::int64_t> start_epoch_ms_;
  std::vector<std::size_t> az_columns_;  // per load balancer
  std::string line_;                     // reused for every row
};

// Default sample step: the first of 1m, 5m, 15m, 1h, 6h, 1d that gives at most 10,000 rows.
SimTime default_timeseries_step(SimTime horizon);

}  // namespace albsim
