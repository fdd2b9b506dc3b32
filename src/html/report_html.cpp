#include "html/report_html.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "albsim/input_error.hpp"
#include "albsim/version.hpp"
#include "core/calendar.hpp"
#include "html/chart_columns.hpp"
#include "html/html_document.hpp"
#include "io/read_file.hpp"
#include "report/atomic_file.hpp"
#include "report/finite_json.hpp"

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
// Which series a page draws: a run's, an observation's (addresses held and in DNS too, for want
// of demand), or every column (a calibration's observed and simulated node counts).
enum class Page { run, observed, every_column };

Drawn drawn(const std::string& name, Page page) {
  if (page == Page::every_column) return {true, false};
  const auto ends_with = [&](const char* tail) {
    const std::string_view t(tail);
    return name.size() >= t.size() && name.compare(name.size() - t.size(), t.size(), t) == 0;
  };
  if (ends_with(":demand_lcu") || ends_with(":capacity_lcu") || ends_with(":in_use"))
    return {true, true};
  if (ends_with(":outside_nodes") || ends_with(":managed_addresses") || ends_with(":nodes") ||
      ends_with(":reserved") || ends_with(":capacity"))
    return {true, false};
  if (page == Page::observed && (ends_with(":pool_addresses") || ends_with(":exposed_nodes")))
    return {true, false};  // an observation's addresses held and in DNS, for want of demand
  return {};               // in the CSV, not drawn
}

std::string chart_json(const ChartColumns& chart, Page page) {
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
    const Drawn d = drawn(series.name, page);
    if (!d.line) continue;
    if (!first) out += ',';
    first = false;
    out += json_output_text(nlohmann::json(series.name), -1) + ":{\"high\":";
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

// The JSON document at `path`, whose "schema" must be `schema`.
nlohmann::ordered_json read_document(const std::filesystem::path& path, const std::string& schema,
                                     const std::string& what) {
  nlohmann::ordered_json document;
  try {
    document = parse_ordered_json(read_file(path.string(), what, kMaxJsonBytes));
  } catch (const ReadError& e) {
    throw InputError(path.string(), "", e.what());
  }
  const auto found = document.is_object() ? document.find("schema") : document.end();
  if (found == document.end() || *found != schema)
    throw InputError(path.string(), "/schema",
                     "is not " + schema + ": give the folder albsim wrote it into");
  return document;
}

// report.json, with the horizon the chart columns need.
std::pair<nlohmann::ordered_json, double> read_run_report(const std::filesystem::path& path) {
  nlohmann::ordered_json report = read_document(path, "albsim.report/1", "run's report");
  const nlohmann::ordered_json* scenario =
      report.contains("scenario") && report["scenario"].is_object() ? &report["scenario"] : nullptr;
  if (scenario == nullptr || !scenario->contains("horizon_s") ||
      !(*scenario)["horizon_s"].is_number() || !((*scenario)["horizon_s"].get<double>() > 0))
    throw InputError(path.string(), "/scenario/horizon_s", "is missing or not a positive number");
  const double horizon_s = (*scenario)["horizon_s"].get<double>();
  return {std::move(report), horizon_s};
}

// The page's title: "albsim: <name> <what>", the name where the document has one as text.
std::string page_title(const nlohmann::ordered_json& name, const std::string& what) {
  return "albsim: " + (name.is_string() ? name.get<std::string>() + " " : std::string()) + what;
}

std::filesystem::path write_page(const std::filesystem::path& path, const std::string& title,
                                 const std::string& data) {
  AtomicFile file(path);
  file.stream() << html_document(title, data);
  file.commit();
  return path;
}

}  // namespace

namespace {

// With DIR/comparison.json (run --compare-observed): the observation's samples and the run's
// seen through the same source, for the page's "observed against simulated"; null when there is
// none, or a note when the observed folder is no longer where the run read it.
std::string comparison_json(const std::filesystem::path& dir, double horizon_s) {
  std::error_code ec;
  const std::filesystem::path names_path = dir / "comparison.json";
  if (!std::filesystem::exists(names_path, ec)) return "null";
  nlohmann::ordered_json names;
  try {
    names = parse_ordered_json(read_file(names_path.string(), "comparison file", kMaxJsonBytes));
  } catch (const ReadError& e) {
    throw InputError(names_path.string(), "", e.what());
  }
  for (const char* key : {"observed_report", "observed_timeseries", "seen_as_observed"})
    if (!names.is_object() || !names.contains(key) || !names[key].is_string())
      throw InputError(names_path.string(), std::string("/") + key, "is missing or not a path");
  const std::filesystem::path observed_report = names["observed_report"].get<std::string>();
  const std::filesystem::path observed_rows = names["observed_timeseries"].get<std::string>();
  if (!std::filesystem::exists(observed_report, ec) || !std::filesystem::exists(observed_rows, ec))
    return nlohmann::json{{"missing", observed_report.parent_path().string()}}.dump();
  const auto [observed, observed_horizon_s] = read_run_report(observed_report);
  const ChartColumns seen =
      read_chart_file(dir / names["seen_as_observed"].get<std::string>(), horizon_s, false);
  const ChartColumns recorded = read_chart_file(observed_rows, observed_horizon_s, false);
  std::string out =
      "{\"observation\":" + observed.value("observation", nlohmann::ordered_json()).dump();
  out += ",\"load_balancers\":" + observed.value("load_balancers", nlohmann::ordered_json()).dump();
  out += ",\"observed\":" + chart_json(recorded, Page::observed);
  out += ",\"seen\":" + chart_json(seen, Page::observed);
  out += '}';
  return out;
}

}  // namespace

std::filesystem::path write_report_html(const std::filesystem::path& dir) {
  const auto [report, horizon_s] = read_run_report(dir / "report.json");
  const ChartColumns chart = read_chart_columns(dir, horizon_s);
  std::string data = "{\"kind\":\"run\",\"albsim_version\":\"" ALBSIM_VERSION "\",\"report\":";
  data += report.dump();
  data += ",\"chart\":";
  data += chart_json(chart, report.value("source", nlohmann::ordered_json()) == "observed"
                                ? Page::observed
                                : Page::run);
  data += ",\"comparison\":";
  data += comparison_json(dir, horizon_s);
  data += '}';
  return write_page(
      dir / "report.html",
      page_title(report["scenario"].value("name", nlohmann::ordered_json()), "report"), data);
}

std::filesystem::path write_plan_html(const std::filesystem::path& dir) {
  const nlohmann::ordered_json plan = read_document(dir / "plan.json", "albsim.plan/1", "plan");
  std::string data = "{\"kind\":\"plan\",\"albsim_version\":\"" ALBSIM_VERSION "\",\"plan\":";
  data += plan.dump();
  data += '}';
  return write_page(dir / "plan.html",
                    page_title(plan.value("scenario", nlohmann::ordered_json()), "plan"), data);
}

std::filesystem::path write_calibration_html(const std::filesystem::path& dir) {
  const nlohmann::ordered_json calibration =
      read_document(dir / "calibration.json", "albsim.calibration/1", "calibration");
  const nlohmann::ordered_json* window =
      calibration.contains("window") && calibration["window"].is_object() ? &calibration["window"]
                                                                          : nullptr;
  const auto epoch_of = [&](const char* end) -> std::optional<std::int64_t> {
    if (window == nullptr || !window->contains(end) || !(*window)[end].is_string())
      return std::nullopt;
    return parse_iso8601((*window)[end].get<std::string>());
  };
  const std::optional<std::int64_t> from = epoch_of("from"), to = epoch_of("to");
  if (!from || !to || *to <= *from)
    throw InputError((dir / "calibration.json").string(), "/window",
                     "needs ISO-8601 times from and to, to after from");
  const ChartColumns nodes = read_chart_file(dir / "calibration_nodes.csv",
                                             static_cast<double>(*to - *from) / 1000.0, false);
  std::string data =
      "{\"kind\":\"calibration\",\"albsim_version\":\"" ALBSIM_VERSION "\",\"calibration\":";
  data += calibration.dump();
  data += ",\"chart\":";
  data += chart_json(nodes, Page::every_column);
  data += '}';
  return write_page(
      dir / "calibration.html",
      page_title(calibration.value("load_balancer", nlohmann::ordered_json()), "calibration"),
      data);
}

std::vector<std::filesystem::path> write_html_pages(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> written;
  std::error_code ec;
  if (std::filesystem::exists(dir / "report.json", ec)) written.push_back(write_report_html(dir));
  if (std::filesystem::exists(dir / "plan.json", ec)) written.push_back(write_plan_html(dir));
  if (std::filesystem::exists(dir / "calibration.json", ec))
    written.push_back(write_calibration_html(dir));
  if (written.empty())
    throw InputError(dir.string(), "",
                     "holds no report.json, plan.json or calibration.json: give the --out folder "
                     "of an albsim run, merge, observe, plan or calibrate");
  return written;
}

}  // namespace albsim
