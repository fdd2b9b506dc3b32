#include "report/timeseries_csv.hpp"

#include <charconv>
#include <cstdio>

#include "core/calendar.hpp"
#include "report/csv_field.hpp"

namespace albsim {
namespace {

std::string format_seconds(SimTime t) {
  if (t.ms() % 1000 == 0) return std::to_string(t.ms() / 1000);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lld.%03lld", static_cast<long long>(t.ms() / 1000),
                static_cast<long long>(t.ms() % 1000));
  return buffer;
}

void append_number(std::string& line, std::uint64_t value) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  line += ',';
  line.append(buffer, end);
}

}  // namespace

TimeseriesCsv::TimeseriesCsv(std::ostream& out, const Scenario& scenario)
    : out_(out), start_epoch_ms_(scenario.start_epoch_ms) {
  for (const LoadBalancerSpec& lb : scenario.load_balancers) az_columns_.push_back(lb.azs.size());
  out_ << "t_s";
  if (start_epoch_ms_) out_ << ",time_utc";
  for (const PoolSpec& pool : scenario.pools)
    out_ << ',' << csv_field("pool:" + pool.id + ":in_use");
  for (const LoadBalancerSpec& lb : scenario.load_balancers) {
    for (const char* column :
         {"pool_addresses", "managed_addresses", "exposed_nodes", "outside_nodes", "demand_lcu"})
      out_ << ',' << csv_field("lb:" + lb.id + ":" + column);
    for (const std::string& az : lb.azs)
      out_ << ',' << csv_field("lb:" + lb.id + ":az:" + az + ":nodes");
  }
  out_ << '\n';
}

void TimeseriesCsv::on_row(const TimeseriesRow& row) {
  line_ = format_seconds(row.t);
  if (start_epoch_ms_) line_ += ',' + format_iso8601_utc(*start_epoch_ms_ + row.t.ms());
  for (const std::uint64_t in_use : row.pool_in_use) append_number(line_, in_use);
  for (std::size_t i = 0; i < row.load_balancers.size(); ++i) {
    const TimeseriesRow::LoadBalancer& lb = row.load_balancers[i];
    append_number(line_, lb.pool_addresses);
    append_number(line_, lb.managed_addresses);
    append_number(line_, lb.exposed_nodes);
    append_number(line_, lb.outside_nodes);
    append_csv_value(line_, lb.demand_lcu);
    if (lb.az_nodes.size() == az_columns_[i])
      for (const std::uint32_t nodes : lb.az_nodes) append_number(line_, nodes);
    else  // not known (an observation without AZs): empty fields
      line_.append(az_columns_[i], ',');
  }
  line_ += '\n';
  out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

SimTime default_timeseries_step(SimTime horizon) {
  static constexpr std::int64_t kSteps[] = {60'000, 300'000, 900'000, 3'600'000, 21'600'000};
  for (const std::int64_t step : kSteps)
    if ((horizon.ms() + step - 1) / step <= 10'000) return SimTime::from_ms(step);
  return SimTime::days(1);
}

}  // namespace albsim
