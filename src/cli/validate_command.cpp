#include "cli/validate_command.hpp"

#include "albsim/load_scenario.hpp"
#include "distribute/scenario_input.hpp"

namespace albsim {

CLI::App* add_validate_command(CLI::App& app, ValidateCommand& c) {
  CLI::App* cmd =
      app.add_subcommand("validate", "Check a scenario file; print ok, or the first fault");
  add_common(*cmd, c.common);
  return cmd;
}

int run_validate_command(const ValidateCommand& c, std::ostream& out, std::ostream& err) {
  const Scenario s = load_scenario(c.common.scenario, parse_sets(c.common.sets));
  print_scenario_notes(s, err);
  out << c.common.scenario << ": ok (" << s.pools.size() << " pools, " << s.load_balancers.size()
      << " load balancers, " << s.events.size() << " events, horizon " << format_duration(s.horizon)
      << ")\n";
  return 0;
}

}  // namespace albsim
