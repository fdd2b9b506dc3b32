#include "cli/cli_common.hpp"

#include <unistd.h>

#include "albsim/input_error.hpp"
#include "report/timeseries_csv.hpp"

namespace albsim {

std::vector<Override> parse_sets(const std::vector<std::string>& sets) {
  std::vector<Override> overrides;
  for (const std::string& s : sets) {
    const auto eq = s.find('=');
    if (s.empty() || s[0] != '/' || eq == std::string::npos)
      throw InputError("--set", s, "expected /json/pointer=value, like /horizon=\"30d\"");
    overrides.push_back({s.substr(0, eq), s.substr(eq + 1)});
  }
  return overrides;
}

bool stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) != 0;
}

void add_common(CLI::App& command, CommonOptions& options, bool required) {
  command.add_option("scenario", options.scenario, "Scenario file (JSON; see scenarios/README.md)")
      ->required(required);
  command.add_option("--set", options.sets,
                     "Override a scenario value before validation: /json/pointer=value (value is "
                     "JSON, or a plain string; missing objects on the way are created); "
                     "repeatable");
}

SimTime parse_timeseries_step(const std::string& text, const Scenario& scenario) {
  if (text == "auto") return default_timeseries_step(scenario.horizon);
  const auto step = parse_duration(text);
  if (!step || step->ms() == 0)
    throw InputError(
        "--timeseries-step", "",
        "\"" + text + "\" is not a positive duration like \"5m\" or \"1h\" (or \"auto\")");
  if (scenario.horizon.ms() / step->ms() > 10'000'000)
    throw InputError(
        "--timeseries-step", "",
        "\"" + text + "\" gives more than 10,000,000 rows over the horizon; use a longer step");
  return *step;
}

}  // namespace albsim
