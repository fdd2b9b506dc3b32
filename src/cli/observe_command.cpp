#include "cli/observe_command.hpp"

#include <filesystem>

#include "albsim/input_error.hpp"
#include "albsim/report_output.hpp"
#include "cli/observe_options.hpp"
#include "cli/plots.hpp"
#include "distribute/scenario_input.hpp"
#include "html/report_html.hpp"
#include "observe/replay.hpp"
#include "report/assemble_report.hpp"
#include "report/atomic_file.hpp"
#include "report/timeseries_csv.hpp"

namespace albsim {

CLI::App* add_observe_command(CLI::App& app, ObserveCommand& c) {
  CLI::App* cmd = app.add_subcommand(
      "observe",
      "Measure what a real load balancer did (IPAM address history, ENI snapshots, Public IP "
      "Insights or a DNS log) "
      "as a simulation of the same window: DIR/report.json (\"source\": \"observed\") and "
      "DIR/timeseries.csv");
  add_common(*cmd, c.common);
  add_observation_options(*cmd, c.request);
  cmd->add_option("-o,--out", c.out_dir, "Output directory (created if missing)")
      ->capture_default_str();
  cmd->add_option("--timeseries-step", c.timeseries_step,
                  "Sample step of timeseries.csv, like 1m or 1h; auto = first of 1m 5m 15m 1h "
                  "6h 1d giving at most 10000 rows")
      ->capture_default_str();
  cmd->add_flag("--plot", c.plot, "Also draw the PNG charts a run draws");
  cmd->add_flag("--html", c.html,
                "Also write DIR/report.html: what was observed (addresses held and in DNS, nodes "
                "per AZ where the source knows them), what the source cannot see, the bill");
  cmd->add_flag("-q,--quiet", c.quiet, "Print no summary");
  return cmd;
}

int run_observe_command(const ObserveCommand& c, std::ostream& out, std::ostream& err) {
  std::optional<std::filesystem::path> plot_script;
  if (c.plot) plot_script = find_plot_script();
  const ScenarioInput input =
      load_scenario_input(c.common.scenario, parse_sets(c.common.sets), err);
  const ObservedScenario asked = observed_scenario(input.scenario, c.request);
  const Observation observation = read_observation(c.request, asked);
  const Coverage coverage = coverage_of(observation, asked.window);
  if (const std::string warning = coverage_warning(observation, coverage); !warning.empty())
    err << warning << "\n";
  const ObservedScenario observed = covered_scenario(asked, coverage);
  const Scenario& scenario = observed.scenario;
  const SimTime step = parse_timeseries_step(c.timeseries_step, scenario);

  const std::filesystem::path dir(c.out_dir);
  create_output_directory(dir);
  AtomicFile timeseries_file(dir / "timeseries.csv");
  AtomicFile report_file(dir / "report.json");
  TimeseriesCsv timeseries(timeseries_file.stream(), scenario);
  const Report report = assemble_report(
      scenario, replay_observation(scenario, observation, observed.window, step, &timeseries));
  const ObservedSource source = observed_source(observation, coverage);
  report_file.stream() << report_to_json(scenario, {report}, &source);
  commit_together({&report_file, &timeseries_file});
  if (!c.quiet) {
    print_observed_summary(out, scenario, report, source);
    out << "\nwrote " << (dir / "report.json").string() << " and "
        << (dir / "timeseries.csv").string() << "\n";
  }
  if (c.html) {
    const std::filesystem::path page = write_report_html(dir);
    if (!c.quiet) out << "wrote " << page.string() << "\n";
  }
  if (plot_script) draw_plots(*plot_script, dir, out, err);
  return 0;
}

}  // namespace albsim
