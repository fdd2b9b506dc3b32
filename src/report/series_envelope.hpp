// SeriesEnvelope: the lowest and highest value of every timeseries column within each of a fixed
// number of time columns (about one per pixel of a chart), built from the exact step functions of
// the run: a row at every settled instant (SimulationOptions::changes) and every demand value
// (SimulationOptions::demand_log). Memory is columns x series, whatever the horizon; a peak that
// lasts one millisecond still shows as its column's maximum.
//
// Series, in order: per pool `pool:<id>:` in_use (reservations included), reserved, capacity;
// per load balancer `lb:<id>:` pool_addresses, managed_addresses, exposed_nodes, outside_nodes,
// demand_lcu, capacity_lcu (exposed nodes x node_capacity_lcu) and `az:<az>:nodes` per AZ.
// DIR/timeseries_envelope.csv holds it: t_s (the column's start), time_utc with a start, then
// `<series>:min` and `<series>:max` for each series.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

class SeriesEnvelope final : public TimeseriesObserver, public DemandLog {
 public:
  static constexpr std::int64_t kMaxColumns = 2000;

  // At most kMaxColumns columns, each the shortest of 1 s, 2 s, 5 s, ... 12 h or whole days
  // that keeps within that.
  explicit SeriesEnvelope(const Scenario& scenario);

  // Rows in ascending time, the first at 0; each row's state holds until the next row's time.
  // A row's demand_lcu is not used: demand() has every value.
  void on_row(const TimeseriesRow& row) override;
  void demand(std::size_t lb, SimTime first, SimTime step,
              std::span<const double> demand_lcu) override;
  // Closes the last row's state at the horizon and writes the CSV.
  void write_csv(std::ostream& out);

 private:
  void hold_until(std::int64_t until_ms);
  void widen(std::size_t column, std::size_t series, double value);

  std::optional<std::int64_t> start_epoch_ms_;
  std::int64_t horizon_ms_;
  std::int64_t width_ms_;
  std::size_t columns_;
  std::vector<std::string> names_;
  std::vector<double> node_capacity_lcu_;   // per load balancer
  std::vector<std::size_t> demand_series_;  // per load balancer, its demand_lcu series
  std::vector<std::size_t> row_series_;     // the series rows give (all but demand)
  std::vector<double> held_;                // the last row's values, per series
  std::int64_t held_since_ms_ = -1;         // -1: no row yet
  std::vector<double> low_, high_;          // column-major: column * series + series index
  std::vector<bool> touched_;               // per column
};

}  // namespace albsim
