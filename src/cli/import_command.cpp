#include "cli/import_command.hpp"

#include <filesystem>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "albsim/sim_time.hpp"
#include "report/atomic_file.hpp"

namespace albsim {

CLI::App* add_import_command(CLI::App& app, ImportCommand& c) {
  CLI::App* import_cmd =
      app.add_subcommand("import", "Build a scenario skeleton from what you run today");
  import_cmd->require_subcommand(1);
  CLI::App* aws_cmd = import_cmd->add_subcommand(
      "aws",
      "From AWS CLI JSON output: pools with parents and CIDRs, ALBs with AZs and IpamPools, "
      "other allocations as reservations, demand from CloudWatch metrics");
  aws_cmd->add_option("--ipam-pools", c.input.ipam_pools,
                      "aws ec2 describe-ipam-pools output (every page; none: no IPAM, every "
                      "load balancer on no pool)");
  aws_cmd->add_option("--pool-cidrs", c.input.pool_cidrs,
                      "aws ec2 get-ipam-pool-cidrs output, as POOL_ID=FILE (FILE alone when one "
                      "pool is imported); repeatable");
  aws_cmd->add_option("--allocations", c.input.allocations,
                      "aws ec2 get-ipam-pool-allocations output, as POOL_ID=FILE; repeatable");
  aws_cmd
      ->add_option("--load-balancers", c.input.load_balancers,
                   "aws elbv2 describe-load-balancers output (every page)")
      ->required();
  aws_cmd->add_option("--metrics", c.input.metrics,
                      "aws cloudwatch get-metric-data or get-metric-statistics output "
                      "(ConsumedLCUs, or RequestCount with --metric-as requests): trace demand");
  aws_cmd->add_option(
      "--metric", c.input.metric_choices,
      "The get-metric-data query (Id or Label) that is the demand, as ID for every load "
      "balancer or LB=ID for one; repeatable");
  aws_cmd
      ->add_option("--metric-as", c.input.metric_as,
                   "What the metric counts: lcu (ConsumedLCUs) or requests (RequestCount, Sum "
                   "per period; LCU = requests per second / 25)")
      ->check(CLI::IsMember({"lcu", "requests"}));
  aws_cmd
      ->add_option("--statistic", c.input.statistic,
                   "The statistic of --metrics: for get-metric-statistics output, which of the "
                   "datapoints' to read (default: the only one); for get-metric-data output, the "
                   "one its queries used (default: the one each Label names; neither is exit 2)")
      ->check(CLI::IsMember({"Sum", "Average", "Maximum", "Minimum", "SampleCount"}));
  aws_cmd->add_option("--region", c.input.region,
                      "Region (default: from the load balancers' ARNs)");
  aws_cmd->add_option("--horizon", c.input.horizon,
                      "Horizon of the scenario (default: the span of the --metrics traces, which "
                      "also set its start; without --metrics, 30d)");
  aws_cmd->add_option("-o,--out", c.output, "Scenario file to write")->required();
  return aws_cmd;
}

namespace {

// The imported scenario loaded as if it were at `destination` (its trace paths are relative to
// it), before it is written: a fault names what was imported, not the file it was not written to.
Scenario validated(const std::string& text, const std::filesystem::path& destination,
                   const std::string& output) {
  try {
    return load_scenario_text(text, destination.string());
  } catch (const InputError& e) {
    std::string problem = e.what();
    const std::string prefix = e.file() + (e.pointer().empty() ? "" : ": " + e.pointer()) + ": ";
    if (problem.rfind(prefix, 0) == 0) problem.erase(0, prefix.size());
    throw InputError("the scenario imported (" + output + " not written)", e.pointer(), problem);
  }
}

}  // namespace

int run_import_command(ImportCommand c, std::ostream& out, std::ostream& err) {
  AwsImportInput& input = c.input;
  const std::string& output = c.output;
  namespace fs = std::filesystem;
  if (output.empty())
    throw InputError("-o", "", "an empty path names no file; give the scenario file to write");
  if (input.metrics && input.metrics->empty())
    throw InputError("--metrics", "", "an empty path names no file; give the CloudWatch output");
  const fs::path destination = fs::absolute(output);
  if (input.horizon) {
    const std::optional<SimTime> horizon = parse_duration(*input.horizon);
    if (!horizon || horizon->ms() <= 0 || horizon->ms() > kMaxHorizonMs)
      throw InputError("--horizon", *input.horizon,
                       "not a duration from 1s to 10 years (87660h), like 30d");
  }
  if (input.metrics)
    input.metrics_reference =
        fs::relative(fs::absolute(*input.metrics), destination.parent_path()).string();
  const AwsImportResult result = import_aws(input);
  const std::string text = result.scenario.dump(2) + "\n";
  const Scenario check = validated(text, destination, output);
  for (const std::string& note : result.notes) err << "note: " << note << "\n";
  AtomicFile file(destination);
  file.stream() << text;
  file.commit();
  out << "wrote " << output << ": " << check.pools.size() << " pools, "
      << check.load_balancers.size() << " load balancers, " << check.reservations.size()
      << " reservations (region " << check.region << ")\n";
  return 0;
}

}  // namespace albsim
