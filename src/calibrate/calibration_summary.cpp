#include <cmath>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

#include "calibrate/calibration_output.hpp"
#include "calibrate/observed_target.hpp"
#include "report/text_format.hpp"

namespace albsim {
namespace {

std::string with_unit(double value, const char* unit) {
  if (!std::isfinite(value)) return "none";
  std::ostringstream s;
  if (std::string(unit) == "LCU")
    s << std::setprecision(4) << value << " LCU";
  else
    s << format_duration(SimTime::from_seconds(std::llround(value)));
  return s.str();
}

}  // namespace

void print_calibration(std::ostream& out, const CalibrationContext& context, const Calibration& c) {
  const CalibrationFit& f = c.fit;
  out << "calibrated " << shown(context.scenario->load_balancers[context.lb].id) << " to "
      << context.observation->kind << " (" << count_name(context.target->count) << ", every "
      << format_duration(context.target->step) << ", " << f.samples << " samples, " << f.simulations
      << " simulations)\n\n";
  out << std::left << std::setw(20) << "value" << std::setw(16) << "fit"
      << "95% interval\n";
  for (const FittedValue& v : c.values) {
    const char* unit = v.key == "node_capacity_lcu" ? "LCU" : "s";
    const std::string key =
        v.key == "replacement" ? v.key + " (" + kind_name(c.fitted.replacement) + ")" : v.key;
    out << std::setw(20) << key << std::setw(16) << with_unit(v.value, unit);
    if (v.identified)
      out << with_unit(v.low, unit) << " .. " << with_unit(v.high, unit) << "\n";
    else
      out << "not identified from this source (the scenario's value kept)\n";
  }
  out << "\nhow each interval was found:\n";
  for (const FittedValue& v : c.values) out << "  " << v.key << ": " << v.method << "\n";
  out << "\nfit                 observed        simulated\n";
  const auto row = [&](const char* name, auto observed, auto simulated) {
    out << std::setw(20) << name << std::setw(16) << observed << simulated << "\n";
  };
  out << std::fixed << std::setprecision(1);
  row("node-hours", f.observed_node_hours, f.simulated_node_hours);
  row("peak nodes", f.observed_peak, f.simulated_peak);
  row("nodes added", f.observed_rises, f.simulated_rises);
  row("new addresses", f.observed_new_addresses, f.simulated_new_addresses);
  // The mean lifetime of the oldest addresses given back ("-": none was).
  const auto lifetime = [&](const LifetimeSample& s) {
    return s.count ? with_unit(s.mean_s, "s") + " (" + std::to_string(s.count) + ")"
                   : std::string("-");
  };
  row("oldest lifetime", lifetime(f.observed_oldest), lifetime(f.simulated_oldest));
  const std::vector<std::string> columns = count_columns(context);
  out << std::setprecision(3);
  for (std::size_t i = 0; i < columns.size() && i < f.rms_per_column.size(); ++i)
    out << "rms nodes " << std::setw(10) << columns[i] << f.rms_per_column[i] << "\n";
  out << std::defaultfloat << std::right;
  const std::vector<Override> sets = fitted_overrides(context.lb, c);
  if (!sets.empty()) {
    out << "\noverrides:";
    for (const Override& o : sets) out << " --set '" << o.pointer << "=" << o.value << "'";
    out << "\n";
  }
}

}  // namespace albsim
