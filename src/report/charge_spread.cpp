#include "report/charge_spread.hpp"

#include <cstdio>
#include <map>
#include <tuple>

#include "core/calendar.hpp"
#include "report/csv_field.hpp"

namespace albsim {
namespace {

using LineKey =
    std::tuple<std::int64_t, ChargeKind, std::string, std::string, std::string, std::string>;

LineKey key_of(const ChargeLine& l) {
  return {l.start_ms, l.kind, l.resource_id, l.consumer, l.load_balancer, l.pool};
}

std::string number(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

void write_summary(std::ostream& out, const SampleSummary& s) {
  for (const double v : {s.mean, s.stddev, s.min, s.p50, s.p95, s.p99, s.max})
    out << "," << number(v);
}

}  // namespace

std::vector<ChargeSpread> spread_of_charges(
    const std::vector<std::vector<ChargeLine>>& replications) {
  struct Values {
    ChargeLine line;
    std::vector<double> quantity, cost;
  };
  const std::size_t n = replications.size();
  std::map<LineKey, Values> lines;
  for (std::size_t r = 0; r < n; ++r)
    for (const ChargeLine& line : replications[r]) {
      Values& v = lines[key_of(line)];
      if (v.cost.empty()) {
        v.line = line;
        v.quantity.assign(n, 0.0);
        v.cost.assign(n, 0.0);
      }
      v.quantity[r] += line.quantity;
      v.cost[r] += line.cost;
    }
  std::vector<ChargeSpread> spreads;
  spreads.reserve(lines.size());
  for (auto& [key, v] : lines) {
    ChargeSpread s;
    s.quantity = summarize(std::move(v.quantity));
    s.cost = summarize(std::move(v.cost));
    s.mean = v.line;
    s.mean.quantity = s.quantity.mean;
    s.mean.cost = s.cost.mean;
    spreads.push_back(std::move(s));
  }
  return spreads;
}

void write_charge_percentiles_csv(std::ostream& out, const std::vector<ChargeSpread>& spreads) {
  out << "ChargePeriodStart,ChargePeriodEnd,x_UsageType,ResourceId,x_Pool,x_LoadBalancer,"
         "x_Consumer,replications";
  for (const char* figure : {"cost_usd", "ip_hours"})
    for (const char* stat : {"mean", "stddev", "min", "p50", "p95", "p99", "max"})
      out << "," << figure << "_" << stat;
  out << "\n";
  for (const ChargeSpread& s : spreads) {
    const ChargeLine& l = s.mean;
    out << format_iso8601_utc(l.start_ms) << "," << format_iso8601_utc(l.end_ms) << ","
        << csv_field(spreadsheet_text(l.usage_type)) << ","
        << csv_field(spreadsheet_text(l.resource_id)) << "," << csv_field(spreadsheet_text(l.pool))
        << "," << csv_field(spreadsheet_text(l.load_balancer)) << ","
        << csv_field(spreadsheet_text(l.consumer)) << "," << s.cost.n;
    write_summary(out, s.cost);
    write_summary(out, s.quantity);
    out << "\n";
  }
}

}  // namespace albsim
