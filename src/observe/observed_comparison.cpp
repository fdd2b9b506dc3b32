#include "observe/observed_comparison.hpp"

#include <filesystem>
#include <optional>
#include <vector>

#include "albsim/input_error.hpp"
#include "import/json_fields.hpp"
#include "io/aws_pages.hpp"
#include "report/text_format.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

// A figure of the run as a number; none when it has no value (a ratio never measured).
std::optional<double> number_of(std::uint64_t v) {
  return static_cast<double>(v);
}
std::optional<double> number_of(double v) {
  return v;
}
std::optional<double> number_of(const std::optional<double>& v) {
  return v;
}

// The figure `key` of the object `group` of an observed load balancer's entry; none when the
// report has no number there (a figure its source cannot measure is null).
std::optional<double> observed_number(const Json& lb, const char* group, const char* key) {
  if (!lb.contains(group) || !lb[group].contains(key) || !lb[group][key].is_number())
    return std::nullopt;
  return lb[group][key].get<double>();
}

std::string shown(const std::optional<double>& v, bool percent) {
  if (!v) return "-";
  return percent ? fmt("%.3f%%", *v * 100) : fmt("%.6g", *v);
}

std::string difference(const std::optional<double>& simulated,
                       const std::optional<double>& observed, bool percent) {
  if (!simulated || !observed) return "-";
  const double d = *simulated - *observed;
  if (percent) return fmt("%+.3f points", d * 100);
  std::string text = fmt("%+.6g", d);
  if (*observed != 0) text += fmt(" (%+.1f%%)", d / *observed * 100);
  return text;
}

}  // namespace

Json read_observed_report(const std::string& path) {
  std::string file = path;
  if (std::filesystem::is_directory(path))
    file = (std::filesystem::path(path) / "report.json").string();
  const Json report = read_json_file(file);
  if (text(report, "schema") != "albsim.report/1")
    throw InputError(file, "/schema", "not an albsim report.json (\"albsim.report/1\")");
  if (text(report, "source") != "observed")
    throw InputError(file, "/source",
                     "is not \"observed\": compare with the report.json of albsim observe");
  const auto require = [&](bool ok, const std::string& pointer, const char* what) {
    if (!ok) throw InputError(file, pointer, std::string("must be ") + what);
  };
  const Json& s = report.contains("scenario") ? report["scenario"] : Json();
  require(s.is_object() && s.contains("start") && s["start"].is_string(), "/scenario/start",
          "the window's start, a string");
  const auto positive_below = [&](const char* key, double limit) {
    return s.contains(key) && s[key].is_number() && s[key].get<double>() > 0 &&
           s[key].get<double>() <= limit;
  };
  require(positive_below("horizon_s", 87'660.0 * 3600) && positive_below("horizon_hours", 87'660),
          "/scenario/horizon_s", "the window's length: more than 0, at most 10 years");
  const Json& o = report.contains("observation") ? report["observation"] : Json();
  require(o.is_object() && o.contains("kind") && o["kind"].is_string() && o.contains("hides") &&
              o["hides"].is_array(),
          "/observation", "an object with kind and hides");
  for (const Json& hidden : o["hides"]) require(hidden.is_string(), "/observation/hides", "text");
  require(report.contains("load_balancers") && report["load_balancers"].is_array(),
          "/load_balancers", "an array");
  for (const Json& lb : report["load_balancers"])
    require(lb.is_object() && lb.contains("id") && lb["id"].is_string(), "/load_balancers",
            "objects with an id");
  return report;
}

void print_observed_comparison(std::ostream& out, const Report& run, const Json& observed) {
  const double run_monthly = monthly_factor(run);
  const double observed_monthly =
      kHoursPerMonth / observed["scenario"]["horizon_hours"].get<double>();
  out << "\nAgainst what was observed (" << observed["observation"]["kind"].get<std::string>()
      << ", window " << observed["scenario"]["start"].get<std::string>() << " for "
      << format_duration(SimTime::from_ms(
             static_cast<std::int64_t>(observed["scenario"]["horizon_s"].get<double>() * 1000)))
      << "; the run's replication 0 seen through the same source; difference = simulated - "
         "observed):\n";
  for (const Json& hidden : observed["observation"]["hides"])
    out << "  observed source hides: " << hidden.get<std::string>() << "\n";
  out << pad("load balancer", 18) << pad("metric", 30) << pad_left("simulated", 12)
      << pad_left("observed", 12) << " difference\n";
  for (const LoadBalancerReport& lb : run.load_balancers) {
    const Json* seen = nullptr;
    for (const Json& o : observed["load_balancers"])
      if (o["id"].get<std::string>() == lb.id) seen = &o;
    if (seen == nullptr) {
      out << pad(lb.id, 18) << "not in the observed report\n";
      continue;
    }
    // One row per figure of the schema; what accrues is per month, so windows of any length
    // compare.
    const auto row = [&](const char* group) {
      return [&out, &lb, seen, group, run_monthly, observed_monthly](const Figure& figure,
                                                                     const auto& value) {
        const bool accrues = figure.scale == FigureScale::accrues;
        const bool percent = figure.scale == FigureScale::ratio;
        std::optional<double> s = number_of(value);
        std::optional<double> o = observed_number(*seen, group, figure.key);
        if (accrues && s) *s *= run_monthly;
        if (accrues && o) *o *= observed_monthly;
        out << pad(lb.id, 18) << pad(std::string(figure.key) + (accrues ? " /month" : ""), 30)
            << pad_left(shown(s, percent), 12) << pad_left(shown(o, percent), 12) << " "
            << difference(s, o, percent) << "\n";
      };
    };
    visit_figures(lb.addresses, row("addresses"));
    if (lb.allowlist) visit_figures(*lb.allowlist, row("allowlist"));  // none: no allowlist
  }
}

}  // namespace albsim
