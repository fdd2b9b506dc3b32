#include "html/report_html.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "albsim/input_error.hpp"
#include "albsim/version.hpp"
#include "html/chart_columns.hpp"
#include "html/html_document.hpp"
#include "io/read_file.hpp"
#include "report/atomic_file.hpp"

namespace albsim {
namespace {

// Six significant digits (the envelope's own precision), null for a column no row knew.
void append_value(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "null";
    return;
  }
  char buffer[32];
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6).ptr;
  out.append(buffer, end);
}

bool same(double a, double b) {
  return a == b || (std::isnan(a) && std::isnan(b));
}

// An array, or {"runs":[value,count,...]} when runs of equal values make that under half as
// many numbers (node and address counts stay put for hours; demand moves every column).
void append_values(std::string& out, const std::vector<double>& values) {
  std::size_t runs = 0;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (i == 0 || !same(values[i], values[i - 1])) ++runs;
  const bool run_length = 4 * runs < values.size();
  out += run_length ? "{\"runs\":[" : "[";
  for (std::size_t i = 0; i < values.size();) {
    std::size_t end = i + 1;
    if (run_length)
      while (end < values.size() && same(values[end], values[i])) ++end;
    if (i > 0) out += ',';
    append_value(out, values[i]);
    if (run_length) out += ',' + std::to_string(end - i);
    i = end;
  }
  out += run_length ? "]}" : "]";
}

// Whether the page draws a series, and its lowest values too (as a band under the line).
struct Drawn {
  bool line = false, band = false;
};
Drawn drawn(const std::string& name) {
  const auto ends_with = [&](const char* tail) {
    const std::string_view t(tail);
    return name.size() >= t.size() && name.compare(name.size() - t.size(), t.size(), t) == 0;
  };
  if (ends_with(":demand_lcu") || ends_with(":capacity_lcu") || ends_with(":in_use"))
    return {true, true};
  if (ends_with(":outside_nodes") || ends_with(":managed_addresses") || ends_with(":nodes") ||
      ends_with(":reserved") || ends_with(":capacity"))
    return {true, false};
  return {};  // pool_addresses, exposed_nodes: in the CSV, not drawn
}

std::string chart_json(const ChartColumns& chart) {
  std::string out = "{\"file\":" + nlohmann::json(chart.file).dump();
  out += ",\"exact\":";
  out += chart.exact ? "true" : "false";
  out += ",\"sample_s\":" + nlohmann::json(chart.sample_s).dump();
  out += ",\"width_s\":" + nlohmann::json(chart.width_s).dump();
  out += ",\"t_s\":";
  append_values(out, chart.t_s);
  out += ",\"series\":{";
  bool first = true;
  for (const ChartSeries& series : chart.series) {
    const Drawn d = drawn(series.name);
    if (!d.line) continue;
    if (!first) out += ',';
    first = false;
    out += nlohmann::json(series.name).dump() + ":{\"high\":";
    append_values(out, series.high);
    if (d.band) {
      out += ",\"low\":";
      append_values(out, series.low);
    }
    out += '}';
  }
  out += "}}";
  return out;
}

nlohmann::ordered_json read_run_report(const std::filesystem::path& path) {
  nlohmann::ordered_json report;
  try {
    report =
        parse_ordered_json(read_file(path.string(), "cannot read the run's report", kMaxJsonBytes));
  } catch (const ReadError& e) {
    throw InputError(path.string(), "", e.what());
  }
  if (!report.is_object() || report.value("schema", "") != "albsim.report/1")
    throw InputError(path.string(), "/schema",
                     "is not albsim.report/1: give the folder of an albsim run or merge");
  const auto horizon =
      report.contains("scenario") ? report["scenario"].value("horizon_s", -1.0) : -1.0;
  if (!(horizon > 0))
    throw InputError(path.string(), "/scenario/horizon_s", "is missing or not a positive number");
  return report;
}

}  // namespace

std::filesystem::path write_report_html(const std::filesystem::path& dir) {
  const nlohmann::ordered_json report = read_run_report(dir / "report.json");
  const ChartColumns chart = read_chart_columns(dir, report["scenario"]["horizon_s"].get<double>());
  std::string data = "{\"kind\":\"run\",\"albsim_version\":\"" ALBSIM_VERSION "\",\"report\":";
  data += report.dump();
  data += ",\"chart\":";
  data += chart_json(chart);
  data += '}';
  const std::string title =
      "albsim: " + report["scenario"].value("name", std::string("run")) + " report";
  AtomicFile file(dir / "report.html");
  file.stream() << html_document(title, data);
  file.commit();
  return dir / "report.html";
}

}  // namespace albsim
