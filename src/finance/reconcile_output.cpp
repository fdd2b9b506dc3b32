#include "finance/reconcile_output.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/calendar.hpp"
#include "report/finite_json.hpp"
#include "report/text_format.hpp"

namespace albsim {
namespace {

std::string count(std::uint64_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string hours(double h) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", h);
  return text;
}

void print_rows(std::ostream& out, const std::vector<ReconcileRow>& rows, bool by_resource) {
  out << pad("usage", 17) << (by_resource ? pad("resource", 30) : "") << pad("billed IP-h", 13)
      << pad("simulated", 13) << pad("billed", 11) << pad("simulated", 11) << pad("difference", 12)
      << "cause\n";
  for (const ReconcileRow& r : rows) {
    const ReconcileFigures& f = r.figures;
    out << pad(usage_name(r.usage), 17)
        << (by_resource ? pad(r.resource.empty() ? "(none)" : r.resource, 30) : "")
        << pad(hours(f.billed_quantity), 13) << pad(hours(f.simulated_quantity), 13)
        << pad(money(f.billed_cost), 11) << pad(money(f.simulated_cost), 11)
        << pad(money(f.difference()), 12) << r.cause << "\n";
  }
}

nlohmann::ordered_json figures(const ReconcileFigures& f) {
  return {{"billed_ip_hours", f.billed_quantity},
          {"simulated_ip_hours", f.simulated_quantity},
          {"billed_usd", f.billed_cost},
          {"simulated_usd", f.simulated_cost},
          {"difference_usd", f.difference()}};
}

nlohmann::ordered_json rows_json(const std::vector<ReconcileRow>& rows, bool by_resource) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ReconcileRow& r : rows) {
    nlohmann::ordered_json row = {{"usage", usage_name(r.usage)}};
    if (by_resource) {
      row["resource"] = r.resource;
      row["scenario_resource"] =
          r.matched.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.matched);
    }
    row.update(figures(r.figures));
    row["cause"] = r.cause;
    list.push_back(row);
  }
  return list;
}

}  // namespace

std::string coverage_warning(const Reconciliation& r) {
  const std::int64_t from = std::max(r.from_ms, r.billed.from_ms);
  const std::int64_t to = std::min(r.to_ms, r.billed.to_ms);
  if (from == r.from_ms && to == r.to_ms) return "";
  char percent[32];
  std::snprintf(percent, sizeof percent, "%.1f%%",
                100 * static_cast<double>(std::max<std::int64_t>(0, to - from)) /
                    static_cast<double>(r.to_ms - r.from_ms));
  return "warning: the bill's lines cover " + format_iso8601_utc(r.billed.from_ms) + " .. " +
         format_iso8601_utc(r.billed.to_ms) + ", " + percent +
         " of the window: its other hours are simulated, not billed";
}

void print_reconciliation(std::ostream& out, const Bill& bill, const Reconciliation& r) {
  out << "bill: " << bill.files.size() << " file" << (bill.files.size() == 1 ? "" : "s") << " ("
      << bill.formats.front() << "), " << bill.rows << " rows, " << r.bill_lines
      << " public IPv4 and IPAM lines in the window (left out: " << count(bill.other_rows, "row")
      << " of other usage, " << count(bill.non_usage_rows, "tax, credit or fee row") << ", "
      << count(r.other_regions, "line") << " of other Regions)\n"
      << "window: " << format_iso8601_utc(r.from_ms) << " to " << format_iso8601_utc(r.to_ms)
      << "; " << r.run_note << "\n\n";
  print_rows(out, r.by_usage, false);
  out << "\n";
  print_rows(out, r.by_resource, true);
  std::size_t shown = 0, differing = 0;
  for (const ReconcileDay& d : r.by_day)
    if (std::abs(d.figures.difference()) > 0.005) ++differing;
  if (differing > 0) out << "\ndays that differ by more than a cent (" << differing << "):\n";
  for (const ReconcileDay& d : r.by_day) {
    if (std::abs(d.figures.difference()) <= 0.005 || shown == 10) continue;
    ++shown;
    out << "  " << format_iso8601_utc(d.day_ms).substr(0, 10) << "  "
        << pad(usage_name(d.usage), 17) << "billed " << money(d.figures.billed_cost)
        << ", simulated " << money(d.figures.simulated_cost) << "\n";
  }
  if (differing > shown) out << "  ... every day is in reconcile.json\n";
  out << "\ntotal: billed " << money(r.total.billed_cost) << ", simulated "
      << money(r.total.simulated_cost) << ", difference " << money(r.total.difference()) << "\n";
}

std::string reconciliation_json(const Scenario& scenario, const Bill& bill,
                                const Reconciliation& r) {
  nlohmann::ordered_json days = nlohmann::ordered_json::array();
  for (const ReconcileDay& d : r.by_day) {
    nlohmann::ordered_json day = {{"day", format_iso8601_utc(d.day_ms).substr(0, 10)},
                                  {"usage", usage_name(d.usage)}};
    day.update(figures(d.figures));
    days.push_back(day);
  }
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < bill.files.size(); ++i)
    files.push_back({{"file", bill.files[i]}, {"format", bill.formats[i]}});
  const nlohmann::ordered_json doc = {
      {"schema", "albsim.reconcile/1"},
      {"scenario", scenario.file},
      {"bills", files},
      {"window", {{"from", format_iso8601_utc(r.from_ms)}, {"to", format_iso8601_utc(r.to_ms)}}},
      {"bill_covers",
       {{"from", format_iso8601_utc(r.billed.from_ms)},
        {"to", format_iso8601_utc(r.billed.to_ms)}}},
      {"run", r.run_note},
      {"rows",
       {{"read", bill.rows},
        {"other_usage", bill.other_rows},
        {"not_usage", bill.non_usage_rows},
        {"other_regions", r.other_regions},
        {"in_window", r.bill_lines}}},
      {"total", figures(r.total)},
      {"by_usage", rows_json(r.by_usage, false)},
      {"by_resource", rows_json(r.by_resource, true)},
      {"by_day", days}};
  require_finite_numbers(doc, "reconcile.json");
  return json_output_text(doc) + "\n";
}

}  // namespace albsim
