#include <algorithm>

#include "albsim/simulation.hpp"
#include "core/parallel_for.hpp"

namespace albsim {

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
