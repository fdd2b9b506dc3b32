// The public simulate() and simulate_replications(): runs (sim) assembled into Reports.
#include <algorithm>

#include "albsim/simulation.hpp"
#include "core/parallel_for.hpp"
#include "report/assemble_report.hpp"
#include "sim/run_simulation.hpp"

namespace albsim {

Report simulate(const Scenario& scenario, const SimulationOptions& options) {
  return assemble_report(scenario, run_simulation(scenario, options).report);
}

std::vector<Report> simulate_replications(const Scenario& scenario,
                                          const ReplicationOptions& options) {
  const auto count = static_cast<std::size_t>(std::max(1, options.replications));
  std::vector<Report> reports(count);
  parallel_for(
      count, options.threads,
      [&](std::size_t i) {
        SimulationOptions run_options;
        if (i == 0) run_options = options.first;
        run_options.replication = i;
        reports[i] = simulate(scenario, run_options);
      },
      [&](std::size_t finished) {
        if (options.on_progress) options.on_progress(static_cast<int>(finished));
      });
  return reports;
}

}  // namespace albsim
