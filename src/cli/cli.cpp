#include "cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "albsim/scenario.hpp"
#include "albsim/version.hpp"
#include "cli/calibrate_command.hpp"
#include "cli/cli_common.hpp"
#include "cli/merge_command.hpp"
#include "cli/observe_command.hpp"
#include "cli/plan_command.hpp"
#include "cli/run_command.hpp"
#include "cli/scenario_input.hpp"
#include "import/aws_import.hpp"
#include "report/atomic_file.hpp"

namespace albsim {
namespace {

Scenario load(const CommonOptions& common, std::ostream& err) {
  Scenario scenario = load_scenario(common.scenario, parse_sets(common.sets));
  print_scenario_notes(scenario, err);
  return scenario;
}

int command_validate(const CommonOptions& common, std::ostream& out, std::ostream& err) {
  const Scenario s = load(common, err);
  out << common.scenario << ": ok (" << s.pools.size() << " pools, " << s.load_balancers.size()
      << " load balancers, " << s.events.size() << " events, horizon " << format_duration(s.horizon)
      << ")\n";
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

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err, Peers& peers) {
  CLI::App app{
      "albsim: simulate ALB nodes drawing public IPv4 addresses from VPC IPAM pools; size pools, "
      "cost IPv4 and measure allowlist stability."};
  app.set_version_flag("--version", std::string("albsim ") + ALBSIM_VERSION);
  app.require_subcommand(1);

  RunCommand run;
  CLI::App* run_cmd = add_run_command(app, run);
  MergeCommand merge;
  CLI::App* merge_cmd = add_merge_command(app, merge);

  CommonOptions common;
  CLI::App* validate_cmd =
      app.add_subcommand("validate", "Check a scenario file; print ok, or the first fault");
  add_common(*validate_cmd, common);

  ObserveCommand observe;
  CLI::App* observe_cmd = add_observe_command(app, observe);

  CalibrateCommand calibrate;
  CLI::App* calibrate_cmd = add_calibrate_command(app, calibrate);

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
  aws_cmd->add_option("--ipam-pools", import_input.ipam_pools,
                      "aws ec2 describe-ipam-pools output (every page; none: no IPAM, every "
                      "load balancer on no pool)");
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
                      "aws cloudwatch get-metric-data or get-metric-statistics output "
                      "(ConsumedLCUs, or RequestCount with --metric-as requests): trace demand");
  aws_cmd->add_option(
      "--metric", import_input.metric_choices,
      "The get-metric-data query (Id or Label) that is the demand, as ID for every load "
      "balancer or LB=ID for one; repeatable");
  aws_cmd
      ->add_option("--metric-as", import_input.metric_as,
                   "What the metric counts: lcu (ConsumedLCUs) or requests (RequestCount, Sum "
                   "per period; LCU = requests per second / 25)")
      ->check(CLI::IsMember({"lcu", "requests"}));
  aws_cmd
      ->add_option("--statistic", import_input.statistic,
                   "get-metric-statistics output: the statistic to read (default: the only one)")
      ->check(CLI::IsMember({"Sum", "Average", "Maximum", "Minimum", "SampleCount"}));
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
    // Under mpirun only run and plan share work; rank 0 alone does anything else.
    if (!peers.is_root() && !run_cmd->parsed() && !plan_cmd->parsed()) return 0;
    if (validate_cmd->parsed()) return command_validate(common, out, err);
    if (aws_cmd->parsed()) return command_import_aws(import_input, import_output, out, err);
    if (plan_cmd->parsed()) return run_plan_command(plan_command, peers, out, err);
    if (merge_cmd->parsed()) return run_merge_command(merge, out, err);
    if (observe_cmd->parsed()) return run_observe_command(observe, out, err);
    if (calibrate_cmd->parsed()) return run_calibrate_command(calibrate, out, err);
    if (run_cmd->parsed()) return run_run_command(run, peers, out, err);
    return 2;  // CLI11 requires one subcommand
  } catch (const InputError& e) {
    err << "albsim: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << "albsim: internal error: " << printable_line(e.what()) << "\n";
    return 1;
  }
}

}  // namespace albsim
