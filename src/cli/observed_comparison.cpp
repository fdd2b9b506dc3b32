#include "cli/observed_comparison.hpp"

#include <filesystem>
#include <optional>
#include <vector>

#include "albsim/input_error.hpp"
#include "albsim/report_output.hpp"
#include "import/json_fields.hpp"
#include "io/aws_pages.hpp"
#include "report/text_format.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

struct ComparedMetric {
  const char* name;
  const char* group;  // the object of a load balancer's entry that holds it
  const char* key;
  bool per_month;  // grows with the window
  bool percent;    // a ratio, shown in %
};

constexpr ComparedMetric kMetrics[] = {
    {"peak addresses", "addresses", "peak_total", false, false},
    {"peak pool addresses", "addresses", "peak_pool", false, false},
    {"peak managed addresses", "addresses", "peak_managed", false, false},
    {"pool address-hours /month", "addresses", "pool_address_hours", true, false},
    {"managed address-hours /month", "addresses", "managed_address_hours", true, false},
    {"managed acquisitions /month", "addresses", "managed_acquisitions", true, false},
    {"in allowlist", "allowlist", "in_allowlist_ratio", false, true},
    {"breach episodes /month", "allowlist", "breach_episodes", true, false},
    {"breach seconds /month", "allowlist", "breach_seconds", true, false},
    {"outside addresses", "allowlist", "distinct_outside_addresses", false, false},
    {"DNS changes /month", "allowlist", "dns_changes", true, false},
};

// The metric of one load balancer's entry, scaled to a month when it grows with the window; none
// when the report has no number there (a ratio of a load balancer never exposed).
std::optional<double> value_of(const Json& lb, const ComparedMetric& m, double monthly) {
  if (!lb.contains(m.group) || !lb[m.group].contains(m.key) || !lb[m.group][m.key].is_number())
    return std::nullopt;
  const double v = lb[m.group][m.key].get<double>();
  return m.per_month ? v * monthly : v;
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

void print_observed_comparison(std::ostream& out, const Scenario& scenario, const Report& run,
                               const Json& observed) {
  const double run_monthly = monthly_factor(run);
  const double observed_monthly =
      kHoursPerMonth / observed["scenario"]["horizon_hours"].get<double>();
  const Json simulated = Json::parse(report_to_json(scenario, {run}));
  out << "\nAgainst what was observed (" << observed["observation"]["kind"].get<std::string>()
      << ", window " << observed["scenario"]["start"].get<std::string>() << " for "
      << format_duration(SimTime::from_ms(
             static_cast<std::int64_t>(observed["scenario"]["horizon_s"].get<double>() * 1000)))
      << "; the run's replication 0; difference = simulated - observed):\n";
  for (const Json& hidden : observed["observation"]["hides"])
    out << "  observed source hides: " << hidden.get<std::string>() << "\n";
  out << pad("load balancer", 18) << pad("metric", 30) << pad_left("simulated", 12)
      << pad_left("observed", 12) << " difference\n";
  for (const Json& lb : simulated["load_balancers"]) {
    const std::string id = lb["id"].get<std::string>();
    const Json* seen = nullptr;
    for (const Json& o : observed["load_balancers"])
      if (o["id"].get<std::string>() == id) seen = &o;
    if (seen == nullptr) {
      out << pad(id, 18) << "not in the observed report\n";
      continue;
    }
    for (const ComparedMetric& m : kMetrics) {
      const auto s = value_of(lb, m, run_monthly);
      const auto o = value_of(*seen, m, observed_monthly);
      out << pad(id, 18) << pad(m.name, 30) << pad_left(shown(s, m.percent), 12)
          << pad_left(shown(o, m.percent), 12) << " " << difference(s, o, m.percent) << "\n";
    }
  }
}

}  // namespace albsim
