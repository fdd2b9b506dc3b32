#include "cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "albsim/report.hpp"
#include "albsim/report_output.hpp"
#include "albsim/scenario.hpp"
#include "albsim/simulation.hpp"
#include "albsim/version.hpp"
#include "cli/cli_common.hpp"
#include "cli/plan_command.hpp"
#include "cli/plots.hpp"
#include "cli/progress.hpp"
#include "import/aws_import.hpp"
#include "report/atomic_file.hpp"
#include "report/timeseries_csv.hpp"

namespace albsim {
namespace {

struct RunOptions {
  std::string out_dir = "albsim-out";
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> replications;
  int threads = 0;
  std::string timeseries_step = "auto";
  bool plot = false;
  bool quiet = false;
};

Scenario load(const CommonOptions& common, std::vector<Override> extra, std::ostream& err) {
  std::vector<Override> overrides = parse_sets(common.sets);
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  Scenario scenario = load_scenario(common.scenario, overrides);
  for (const std::string& warning : scenario.warnings) err << "warning: " << warning << "\n";
  return scenario;
}

int command_validate(const CommonOptions& common, std::ostream& out, std::ostream& err) {
  const Scenario s = load(common, {}, err);
  out << common.scenario << ": ok (" << s.pools.size() << " pools, " << s.load_balancers.size()
      << " load balancers, " << s.events.size() << " events, horizon " << format_duration(s.horizon)
      << ")\n";
  return 0;
}

int command_run(const CommonOptions& common, const RunOptions& run, std::ostream& out,
                std::ostream& err) {
  std::vector<Override> extra;
  if (run.seed) extra.push_back({"/seed", std::to_string(*run.seed)});
  if (run.replications) extra.push_back({"/replications", std::to_string(*run.replications)});
  const Scenario scenario = load(common, extra, err);

  SimulationOptions options;
  if (run.timeseries_step == "auto") {
    options.timeseries_step = default_timeseries_step(scenario.horizon);
  } else {
    const auto step = parse_duration(run.timeseries_step);
    if (!step || step->ms() == 0)
      throw InputError("--timeseries-step", "",
                       "\"" + run.timeseries_step +
                           "\" is not a positive duration like \"5m\" or \"1h\" (or \"auto\")");
    options.timeseries_step = *step;
    if (scenario.horizon.ms() / step->ms() > 10'000'000)
      throw InputError(
          "--timeseries-step", "",
          "\"" + run.timeseries_step +
              "\" gives more than 10,000,000 rows over the horizon; use a longer step");
  }

  const std::filesystem::path dir(run.out_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw InputError("--out", "", "cannot create directory " + dir.string() + ": " + ec.message());
  AtomicFile timeseries_file(dir / "timeseries.csv");
  AtomicFile report_file(dir / "report.json");
  TimeseriesCsv timeseries(timeseries_file.stream(), scenario);
  options.timeseries = &timeseries;

  ReplicationOptions replication_options;
  replication_options.replications = scenario.replications;
  replication_options.threads = run.threads;
  replication_options.first = options;
  ProgressBar progress(err, scenario.replications, !run.quiet && stderr_is_terminal());
  replication_options.on_progress = [&](int finished) { progress.update(finished); };
  const std::vector<Report> reports = simulate_replications(scenario, replication_options);
  progress.finish();

  report_file.stream() << report_to_json(scenario, reports);
  commit_together({&report_file, &timeseries_file});
  if (!run.quiet) {
    print_summary(out, scenario, reports);
    out << "\nwrote " << (dir / "report.json").string() << " and "
        << (dir / "timeseries.csv").string() << "\n";
  }
  if (run.plot) draw_plots(dir, out, err);
  return 0;
}

int command_import_aws(AwsImportInput input, const std::string& output, std::ostream& out,
                       std::ostream& err) {
  namespace fs = std::filesystem;
  const fs::path destination = fs::absolute(output);
  if (input.metrics)
    input.metrics_reference =
        fs::relative(fs::absolute(*input.metrics), destination.parent_path()).string();
  const AwsImportResult result = import_aws(input);
  const std::string text = result.scenario.dump(2) + "\n";
  const Scenario check = load_scenario_text(text, destination.string());  // validate first
  for (const std::string& note : result.notes) err << "note: " << note << "\n";
  AtomicFile file(destination);
  file.stream() << text;
  file.commit();
  out << "wrote " << output << ": " << check.pools.size() << " pools, "
      << check.load_balancers.size() << " load balancers, " << check.reservations.size()
      << " reservations (region " << check.region << ")\n";
  return 0;
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "albsim: simulate ALB nodes drawing public IPv4 addresses from VPC IPAM pools; size pools, "
      "cost IPv4 and measure allowlist stability."};
  app.set_version_flag("--version", std::string("albsim ") + ALBSIM_VERSION);
  app.require_subcommand(1);

  CommonOptions common;
  RunOptions run;
  CLI::App* run_cmd = app.add_subcommand(
      "run", "Simulate a scenario: write DIR/report.json and DIR/timeseries.csv, print a summary");
  add_common(*run_cmd, common);
  run_cmd->add_option("-o,--out", run.out_dir, "Output directory (created if missing)")
      ->capture_default_str();
  run_cmd->add_option("--seed", run.seed, "Master seed (overrides the scenario's /seed)");
  run_cmd->add_option("--replications", run.replications,
                      "Replications (overrides /replications); report.json keeps replication 0 "
                      "and adds their distribution");
  run_cmd
      ->add_option("--threads", run.threads,
                   "Threads running replications (default: every core); results do not "
                   "depend on it")
      ->check(CLI::NonNegativeNumber);
  run_cmd
      ->add_option("--timeseries-step", run.timeseries_step,
                   "Sample step of timeseries.csv, like 1m or 1h; auto = first of "
                   "1m 5m 15m 1h 6h 1d giving at most 10000 rows")
      ->capture_default_str();
  run_cmd->add_flag("-q,--quiet", run.quiet, "Print no summary and no progress bar");
  run_cmd->add_flag("--plot", run.plot,
                    "Also draw PNG charts into DIR with tools/plot/albsim_plot.py (needs Debian's "
                    "python3-matplotlib)");

  CLI::App* validate_cmd =
      app.add_subcommand("validate", "Check a scenario file; print ok, or the first fault");
  add_common(*validate_cmd, common);

  PlanCommand plan_command;
  CLI::App* plan_cmd = add_plan_command(app, plan_command);

  AwsImportInput import_input;
  std::string import_output;
  CLI::App* import_cmd =
      app.add_subcommand("import", "Build a scenario skeleton from what you run today");
  import_cmd->require_subcommand(1);
  CLI::App* aws_cmd = import_cmd->add_subcommand(
      "aws",
      "From AWS CLI JSON output: pools with parents and CIDRs, ALBs with AZs and IpamPools, "
      "other allocations as reservations, demand from CloudWatch metrics");
  aws_cmd
      ->add_option("--ipam-pools", import_input.ipam_pools,
                   "aws ec2 describe-ipam-pools output (every page)")
      ->required();
  aws_cmd->add_option("--pool-cidrs", import_input.pool_cidrs,
                      "aws ec2 get-ipam-pool-cidrs output, as POOL_ID=FILE (FILE alone when one "
                      "pool is imported); repeatable");
  aws_cmd->add_option("--allocations", import_input.allocations,
                      "aws ec2 get-ipam-pool-allocations output, as POOL_ID=FILE; repeatable");
  aws_cmd
      ->add_option("--load-balancers", import_input.load_balancers,
                   "aws elbv2 describe-load-balancers output (every page)")
      ->required();
  aws_cmd->add_option("--metrics", import_input.metrics,
                      "aws cloudwatch get-metric-data output (ConsumedLCUs): trace demand");
  aws_cmd->add_option("--region", import_input.region,
                      "Region (default: from the load balancers' ARNs)");
  aws_cmd->add_option("--horizon", import_input.horizon, "Horizon of the scenario")
      ->capture_default_str();
  aws_cmd->add_option("-o,--out", import_output, "Scenario file to write")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    err << "albsim: " << printable_line(e.what()) << " (see albsim --help)\n";
    return 2;
  }

  try {
    if (validate_cmd->parsed()) return command_validate(common, out, err);
    if (aws_cmd->parsed()) return command_import_aws(import_input, import_output, out, err);
    if (plan_cmd->parsed()) return run_plan_command(plan_command, out, err);
    return command_run(common, run, out, err);
  } catch (const InputError& e) {
    err << "albsim: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << "albsim: internal error: " << printable_line(e.what()) << "\n";
    return 1;
  }
}

}  // namespace albsim
