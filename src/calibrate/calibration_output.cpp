#include "calibrate/calibration_output.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "calibrate/observed_target.hpp"
#include "core/calendar.hpp"
#include "report/csv_field.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

std::string significant(double value, int digits) {
  std::ostringstream s;
  s << std::setprecision(digits) << value;
  return s.str();
}

std::string duration_text(double seconds) {
  return format_duration(SimTime::from_seconds(std::llround(seconds)));
}

// A finite number, or null (infinity: no replacement).
Json number_or_null(double v) {
  return std::isfinite(v) ? Json(v) : Json(nullptr);
}

Json value_json(const FittedValue& v, const char* unit) {
  return Json{{"value", number_or_null(v.value)}, {"low", number_or_null(v.low)},
              {"high", number_or_null(v.high)},   {"unit", unit},
              {"identified", v.identified},       {"method", v.method}};
}

Json lifetimes_json(const LifetimeSample& s) {
  return Json{{"count", s.count},
              {"mean_s", s.count ? Json(s.mean_s) : Json(nullptr)},
              {"sd_s", s.count > 1 ? Json(std::sqrt(s.variance_s2)) : Json(nullptr)}};
}

}  // namespace

// "every" or "mean" (none: the kind a fit would have, mean).
const char* kind_name(const ReplacementSpec& r) {
  return r.kind == ReplacementSpec::Kind::every ? "every" : "mean";
}

std::vector<Override> fitted_overrides(std::size_t lb, const Calibration& c) {
  const std::string at = "/load_balancers/" + std::to_string(lb) + "/";
  std::vector<Override> out;
  for (const FittedValue& v : c.values) {
    if (!v.identified) continue;
    if (v.key == "node_capacity_lcu")
      out.push_back({at + v.key, significant(v.value, 4)});
    else if (v.key == "replacement")  // identified: a finite age
      out.push_back(
          {at + v.key, Json{{kind_name(c.fitted.replacement), duration_text(v.value)}}.dump()});
    else
      out.push_back({at + v.key, Json(duration_text(v.value)).dump()});
  }
  return out;
}

std::vector<std::string> count_columns(const CalibrationContext& context) {
  if (context.target->count == NodeCount::held_per_az)
    return context.scenario->load_balancers[context.lb].azs;
  return {"total"};
}

Json calibration_json(const CalibrationContext& context, const Calibration& c) {
  const CalibrationFit& f = c.fit;
  Json sets = Json::array();
  for (const Override& o : fitted_overrides(context.lb, c))
    sets.push_back(o.pointer + "=" + o.value);
  Json rms = Json::object();
  const std::vector<std::string> columns = count_columns(context);
  for (std::size_t i = 0; i < columns.size() && i < f.rms_per_column.size(); ++i)
    rms[columns[i]] = f.rms_per_column[i];
  Json j;
  j["schema"] = "albsim.calibration/1";
  j["scenario"] = context.scenario_path;
  j["load_balancer"] = context.scenario->load_balancers[context.lb].id;
  j["observation"] = Json{{"kind", context.observation->kind},
                          {"files", context.observation->files.size()},
                          {"counts", count_name(context.target->count)},
                          {"step_s", context.target->step.seconds()}};
  j["window"] = Json{{"from", format_iso8601_utc(context.window.from_ms)},
                     {"to", format_iso8601_utc(context.window.to_ms)}};
  j["values"] = Json{
      {"node_capacity_lcu", value_json(c.values[0], "LCU")},
      {"launch_delay", value_json(c.values[1], "s")},
      {"scale_in_cooldown", value_json(c.values[2], "s")},
      {"replacement", value_json(c.values[3], "s")},
  };
  j["values"]["replacement"]["kind"] = kind_name(c.fitted.replacement);
  j["fit"] = Json{
      {"node_hours", {{"observed", f.observed_node_hours}, {"simulated", f.simulated_node_hours}}},
      {"peak", {{"observed", f.observed_peak}, {"simulated", f.simulated_peak}}},
      {"nodes_added", {{"observed", f.observed_rises}, {"simulated", f.simulated_rises}}},
      {"new_addresses",
       {{"observed", f.observed_new_addresses}, {"simulated", f.simulated_new_addresses}}},
      {"oldest_address_lifetimes",
       {{"observed", lifetimes_json(f.observed_oldest)},
        {"simulated", lifetimes_json(f.simulated_oldest)}}},
      {"rms_nodes", rms},
      {"samples", f.samples},
      {"simulations", f.simulations}};
  j["set"] = sets;
  return j;
}

void write_calibration_nodes(std::ostream& out, const CalibrationContext& context,
                             const Calibration& c) {
  const std::vector<std::string> columns = count_columns(context);
  out << "t_s";
  for (const char* side : {"observed", "simulated"})
    for (const std::string& name : columns) out << "," << csv_field(side + ("_" + name));
  out << "\n";
  const NodeSeries& observed = context.target->nodes;
  const std::size_t rows = std::min(observed.rows.size(), c.simulated.rows.size());
  for (std::size_t i = 0; i < rows; ++i) {
    out << static_cast<std::int64_t>(i) * context.target->step.ms() / 1000;
    for (const NodeSeries* series : {&observed, &c.simulated})
      for (const std::uint32_t n : series->rows[i]) out << "," << n;
    out << "\n";
  }
}

}  // namespace albsim
