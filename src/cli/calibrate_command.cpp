#include "cli/calibrate_command.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include "calibrate/calibration_output.hpp"
#include "calibrate/observed_target.hpp"
#include "cli/observe_options.hpp"
#include "cli/plots.hpp"
#include "distribute/scenario_input.hpp"
#include "html/report_html.hpp"
#include "report/atomic_file.hpp"
#include "report/finite_json.hpp"
#include "scenario/scenario_document.hpp"

namespace albsim {
namespace {

// The scenario document with the fit applied, its relative file paths made absolute so that it
// loads from wherever it is written.
nlohmann::json calibrated_document(const std::string& path, std::vector<Override> overrides,
                                   const std::vector<Override>& fitted) {
  overrides.insert(overrides.end(), fitted.begin(), fitted.end());
  nlohmann::json document = read_scenario_document(path, overrides);
  anchor_file_paths(document, path);
  return document;
}

}  // namespace

CLI::App* add_calibrate_command(CLI::App& app, CalibrateCommand& c) {
  CLI::App* cmd = app.add_subcommand(
      "calibrate",
      "Fit a load balancer's node capacity, launch delay, scale-in cooldown and replacement "
      "form and age to what the real one did, every run seen through the source (the sources "
      "of observe; the scenario's demand the "
      "observed window's, e.g. a CloudWatch ConsumedLCUs trace): DIR/calibration.json, "
      "DIR/calibrated.json and DIR/calibration_nodes.csv");
  add_common(*cmd, c.common);
  add_observation_options(*cmd, c.request);
  cmd->add_option("-o,--out", c.out_dir, "Output directory (created if missing)")
      ->capture_default_str();
  cmd->add_flag("--plot", c.plot,
                "Also draw DIR/calibration.png: observed against simulated nodes");
  cmd->add_flag("--html", c.html,
                "Also write DIR/calibration.html: the fitted values with their intervals, the fit, "
                "and the observed against the calibrated node counts");
  cmd->add_flag("-q,--quiet", c.quiet, "Print no summary");
  return cmd;
}

int run_calibrate_command(const CalibrateCommand& c, std::ostream& out, std::ostream& err) {
  std::optional<std::filesystem::path> plot_script;
  if (c.plot) plot_script = find_plot_script();
  const std::vector<Override> overrides = parse_sets(c.common.sets);
  const ScenarioInput input = load_scenario_input(c.common.scenario, overrides, err);
  require_start(input.scenario, c.common.scenario);  // before observe's advice to give --from
  const ObservedScenario observed = observed_scenario(input.scenario, c.request);
  check_calibration_window(input.scenario, observed.window);
  const Observation observation = read_observation(c.request, observed);
  const Coverage coverage = coverage_of(observation, observed.window);
  if (const std::string warning = coverage_warning(observation, coverage); !warning.empty())
    err << warning << "; calibrate fits that part\n";
  CalibrationContext context;
  context.scenario_path = c.common.scenario;
  context.scenario = &observed.scenario;
  context.lb = observed_load_balancer(observed.scenario, observation, c.request.lb);
  context.observation = &observation;
  context.window = observed.window;
  const CalibrationTarget target =
      observed_target(observed.scenario, context.lb, observation, observed.window);
  context.target = &target;
  const Calibration calibration = calibrate(observed.scenario, context.lb, target);

  const std::filesystem::path dir(c.out_dir);
  create_output_directory(dir);
  AtomicFile calibration_file(dir / "calibration.json");
  AtomicFile scenario_file(dir / "calibrated.json");
  AtomicFile nodes_file(dir / "calibration_nodes.csv");
  const nlohmann::ordered_json calibration_document = calibration_json(context, calibration);
  require_finite_numbers(calibration_document, "calibration.json");
  calibration_file.stream() << json_output_text(calibration_document) << "\n";
  scenario_file.stream() << json_output_text(
                                calibrated_document(c.common.scenario, overrides,
                                                    fitted_overrides(context.lb, calibration)))
                         << "\n";
  write_calibration_nodes(nodes_file.stream(), context, calibration);
  commit_together({&calibration_file, &scenario_file, &nodes_file});
  if (!c.quiet) {
    print_calibration(out, context, calibration);
    out << "\nwrote " << (dir / "calibration.json").string() << ", "
        << (dir / "calibrated.json").string() << " and " << (dir / "calibration_nodes.csv").string()
        << "\n";
  }
  if (c.html) {
    const std::filesystem::path page = write_calibration_html(dir);
    if (!c.quiet) out << "wrote " << page.string() << "\n";
  }
  if (plot_script) draw_plots(*plot_script, dir, out, err);
  return 0;
}

}  // namespace albsim
