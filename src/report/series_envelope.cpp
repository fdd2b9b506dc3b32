#include "report/series_envelope.hpp"

#include <algorithm>
#include <limits>
#include <string_view>

#include "core/calendar.hpp"
#include "report/csv_field.hpp"

namespace albsim {

SeriesEnvelope::SeriesEnvelope(const Scenario& scenario)
    : start_epoch_ms_(scenario.start_epoch_ms), horizon_ms_(scenario.horizon.ms()) {
  const std::int64_t per_column = (horizon_ms_ + kMaxColumns - 1) / kMaxColumns;
  width_ms_ = 86'400'000 * ((per_column + 86'399'999) / 86'400'000);  // whole days, or less:
  for (const std::int64_t seconds :
       {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200}) {
    if (seconds * 1000 >= per_column) {
      width_ms_ = seconds * 1000;
      break;
    }
  }
  columns_ = static_cast<std::size_t>((horizon_ms_ + width_ms_ - 1) / width_ms_);
  for (const PoolSpec& pool : scenario.pools)
    for (const char* column : {"in_use", "reserved", "capacity"})
      names_.push_back("pool:" + pool.id + ":" + column);
  for (const LoadBalancerSpec& lb : scenario.load_balancers) {
    for (const char* column : {"pool_addresses", "managed_addresses", "exposed_nodes",
                               "outside_nodes", "demand_lcu", "capacity_lcu"}) {
      if (std::string_view(column) == "demand_lcu") demand_series_.push_back(names_.size());
      names_.push_back("lb:" + lb.id + ":" + column);
    }
    for (const std::string& az : lb.azs) names_.push_back("lb:" + lb.id + ":az:" + az + ":nodes");
    node_capacity_lcu_.push_back(lb.node_capacity_lcu.value());
  }
  for (std::size_t s = 0; s < names_.size(); ++s)
    if (std::find(demand_series_.begin(), demand_series_.end(), s) == demand_series_.end())
      row_series_.push_back(s);
  held_.resize(names_.size());
  low_.assign(columns_ * names_.size(), std::numeric_limits<double>::infinity());
  high_.assign(columns_ * names_.size(), -std::numeric_limits<double>::infinity());
  touched_.assign(columns_, false);
}

void SeriesEnvelope::hold_until(std::int64_t until_ms) {
  if (held_since_ms_ < 0 || until_ms <= held_since_ms_) return;  // a zero-length state: nothing
  const auto first = static_cast<std::size_t>(held_since_ms_ / width_ms_);
  const auto last = static_cast<std::size_t>((until_ms - 1) / width_ms_);
  for (std::size_t column = first; column <= last && column < columns_; ++column) {
    touched_[column] = true;
    for (const std::size_t s : row_series_) widen(column, s, held_[s]);
  }
}

void SeriesEnvelope::widen(std::size_t column, std::size_t series, double value) {
  double& low = low_[column * names_.size() + series];
  double& high = high_[column * names_.size() + series];
  low = std::min(low, value);
  high = std::max(high, value);
}

void SeriesEnvelope::demand(std::size_t lb, SimTime first, SimTime step,
                            std::span<const double> demand_lcu) {
  // Values that start in one column widen it at once (their minimum and maximum); only the last
  // of them can reach into later columns (the others end where the next one starts).
  const std::size_t series = demand_series_[lb];
  const std::int64_t step_ms = step.ms();
  std::size_t i = 0;
  while (i < demand_lcu.size()) {
    const std::int64_t from = first.ms() + static_cast<std::int64_t>(i) * step_ms;
    if (from >= horizon_ms_) break;
    const std::int64_t column = from / width_ms_;
    const std::int64_t starting_here = ((column + 1) * width_ms_ - from + step_ms - 1) / step_ms;
    const std::size_t end =
        std::min(demand_lcu.size(), i + static_cast<std::size_t>(starting_here));
    const auto [low, high] =
        std::minmax_element(demand_lcu.begin() + static_cast<std::ptrdiff_t>(i),
                            demand_lcu.begin() + static_cast<std::ptrdiff_t>(end));
    widen(static_cast<std::size_t>(column), series, *low);
    widen(static_cast<std::size_t>(column), series, *high);
    const std::int64_t last_from = first.ms() + static_cast<std::int64_t>(end - 1) * step_ms;
    const std::int64_t last_until = std::min(last_from + step_ms, horizon_ms_);
    for (std::int64_t later = column + 1; later <= (last_until - 1) / width_ms_; ++later)
      widen(static_cast<std::size_t>(later), series, demand_lcu[end - 1]);
    i = end;
  }
}

void SeriesEnvelope::on_row(const TimeseriesRow& row) {
  hold_until(row.t.ms());
  std::size_t s = 0;
  for (std::size_t pool = 0; pool < row.pool_in_use.size(); ++pool) {
    held_[s++] = static_cast<double>(row.pool_in_use[pool]);
    held_[s++] = static_cast<double>(row.pool_reserved[pool]);
    held_[s++] = static_cast<double>(row.pool_capacity[pool]);
  }
  for (std::size_t lb = 0; lb < row.load_balancers.size(); ++lb) {
    const TimeseriesRow::LoadBalancer& state = row.load_balancers[lb];
    held_[s++] = static_cast<double>(state.pool_addresses);
    held_[s++] = static_cast<double>(state.managed_addresses);
    held_[s++] = static_cast<double>(state.exposed_nodes);
    held_[s++] = static_cast<double>(state.outside_nodes);
    held_[s++] = state.demand_lcu;
    held_[s++] = static_cast<double>(state.exposed_nodes) * node_capacity_lcu_[lb];
    for (const std::uint32_t nodes : state.az_nodes) held_[s++] = nodes;
  }
  held_since_ms_ = row.t.ms();
}

void SeriesEnvelope::write_csv(std::ostream& out) {
  hold_until(horizon_ms_);
  held_since_ms_ = horizon_ms_;
  std::string line = "t_s";
  if (start_epoch_ms_) line += ",time_utc";
  for (const std::string& name : names_) {
    line += ',';
    line += csv_field(name + ":min");
    line += ',';
    line += csv_field(name + ":max");
  }
  out << line << '\n';
  for (std::size_t column = 0; column < columns_; ++column) {
    if (!touched_[column]) continue;
    const std::int64_t from_ms = static_cast<std::int64_t>(column) * width_ms_;
    line = std::to_string(from_ms / 1000);
    if (start_epoch_ms_) {
      line += ',';
      line += format_iso8601_utc(*start_epoch_ms_ + from_ms);
    }
    for (std::size_t s = 0; s < names_.size(); ++s) {
      append_csv_value(line, low_[column * names_.size() + s]);
      append_csv_value(line, high_[column * names_.size() + s]);
    }
    out << line << '\n';
  }
}

}  // namespace albsim
