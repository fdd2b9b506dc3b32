#include "import/demand_sources.hpp"

#include <algorithm>

#include "albsim/input_error.hpp"
#include "albsim/sim_time.hpp"
#include "core/calendar.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

// A --demand SPEC: a number of LCU, or a demand object.
Json demand_spec(const std::string& argument, const std::string& spec) {
  Json parsed;
  try {
    parsed = Json::parse(spec);
  } catch (const Json::exception&) {
    parsed = nullptr;
  }
  if (parsed.is_number() && parsed.get<double>() >= 0) return Json{{"constant", parsed}};
  if (parsed.is_object()) return parsed;
  throw InputError("--demand", argument,
                   "give LCU as a number (40), or a demand object as in the scenario "
                   "reference ('{\"diurnal\":{\"base\":40,\"amplitude\":0.5}}'), as SPEC or "
                   "LB=SPEC");
}

}  // namespace

DemandSources::DemandSources(const DemandInput& input) : input_(input) {
  for (const std::string& d : input.demands) {
    const std::size_t eq = d.find('=');
    // A JSON object may hold '=' only inside strings; an LB= prefix comes before any '{'.
    if (eq != std::string::npos && d.find('{') > eq)
      own_.emplace_back(d.substr(0, eq), demand_spec(d, d.substr(eq + 1)));
    else if (every_.is_null())
      every_ = demand_spec(d, d);
    else
      throw InputError("--demand", d, "a second demand for every load balancer; write LB=SPEC");
  }
}

Json DemandSources::demand_for(const std::string& lb, const Json& fallback,
                               const std::string& fallback_note, std::vector<std::string>& notes) {
  for (const auto& [name, spec] : own_)
    if (name == lb) return spec;
  if (!every_.is_null()) return every_;
  if (input_.metrics) {
    if (!metrics_)
      metrics_.emplace(MetricOptions{*input_.metrics, input_.metrics_reference,
                                     input_.metric_choices, input_.metric_as, input_.statistic});
    if (const std::optional<Json> trace = metrics_->trace_for(lb, notes)) {
      ++traces_;
      return Json{{"trace", *trace}};
    }
    return fallback;
  }
  notes.push_back(lb + ": " + fallback_note);
  return fallback;
}

void DemandSources::check_metrics_used(std::size_t load_balancers) const {
  if (metrics_ && load_balancers > 0 && traces_ == 0)
    throw InputError(*input_.metrics, "",
                     "no metric result names a load balancer of the import (" +
                         metrics_->results_named() +
                         "): CloudWatch labels a query with its metric's name unless the query "
                         "sets a Label; give each query its load balancer's name as Label, or "
                         "choose with --metric LB=ID");
}

void DemandSources::check_demands_used(const std::vector<std::string>& imported) const {
  for (const auto& [name, spec] : own_)
    if (std::find(imported.begin(), imported.end(), name) == imported.end())
      throw InputError("--demand", name + "=...",
                       "no load balancer " + name + " was imported; the load balancers are " +
                           (imported.empty() ? std::string("none") : [&] {
                             std::string list;
                             for (const std::string& id : imported)
                               list += (list.empty() ? "" : ", ") + id;
                             return list;
                           }()));
}

// With --metrics, `start` at the traces' first sample, so that the run plays and labels their
// own dates; the horizon is --horizon, else the traces' span, else 30 days.
void DemandSources::set_horizon(Json& s, std::vector<std::string>& notes) const {
  const auto span = metrics_ ? metrics_->span() : std::nullopt;
  if (span) s["start"] = format_iso8601_utc(span->first_ms);
  if (input_.horizon || !span) {
    s["horizon"] = input_.horizon.value_or("30d");
    return;
  }
  const std::int64_t seconds = (span->end_ms - span->first_ms + 999) / 1000;
  s["horizon"] = std::to_string(seconds) + "s";
  notes.push_back("horizon " + format_duration(SimTime::from_seconds(seconds)) + " from " +
                  s["start"].get<std::string>() +
                  ": the span of the --metrics traces (--horizon sets another)");
}

}  // namespace albsim
