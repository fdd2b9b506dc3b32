#include "cli/import_command.hpp"

#include <filesystem>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "albsim/sim_time.hpp"
#include "report/atomic_file.hpp"
#include "report/finite_json.hpp"

namespace albsim {

namespace {

// --metrics, --metric, --metric-as, --statistic, --demand and --horizon, shared by both imports.
void add_demand_options(CLI::App& cmd, DemandInput& d) {
  cmd.add_option("--metrics", d.metrics,
                 "aws cloudwatch get-metric-data or get-metric-statistics output (ConsumedLCUs, "
                 "or RequestCount with --metric-as requests): trace demand");
  cmd.add_option("--metric", d.metric_choices,
                 "The get-metric-data query (Id or Label) that is the demand, as ID for every "
                 "load balancer or LB=ID for one; repeatable");
  cmd.add_option("--metric-as", d.metric_as,
                 "What the metric counts: lcu (ConsumedLCUs) or requests (RequestCount, Sum per "
                 "period; LCU = requests per second / 25)")
      ->check(CLI::IsMember({"lcu", "requests"}));
  cmd.add_option("--statistic", d.statistic,
                 "The statistic of --metrics: for get-metric-statistics output, which of the "
                 "datapoints' to read (default: the only one); for get-metric-data output, the one "
                 "its queries used (default: the one each Label names; neither is exit 2)")
      ->check(CLI::IsMember({"Sum", "Average", "Maximum", "Minimum", "SampleCount"}));
  cmd.add_option("--demand", d.demands,
                 "Demand as SPEC for every load balancer or LB=SPEC for one (it wins over "
                 "--metrics): LCU as a number (40), or a demand object in JSON "
                 "('{\"diurnal\":{\"base\":40,\"amplitude\":0.5}}'); repeatable");
  cmd.add_option("--horizon", d.horizon,
                 "Horizon of the scenario (default: the span of the --metrics traces, which also "
                 "set its start; without --metrics, 30d)");
}

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

// The horizon and the metrics path of `demand`, checked and made relative to `destination`.
void prepare_demand(DemandInput& demand, const std::filesystem::path& destination) {
  namespace fs = std::filesystem;
  if (demand.metrics && demand.metrics->empty())
    throw InputError("--metrics", "", "an empty path names no file; give the CloudWatch output");
  if (demand.horizon) {
    const std::optional<SimTime> horizon = parse_duration(*demand.horizon);
    if (!horizon || horizon->ms() <= 0 || horizon->ms() > kMaxHorizonMs)
      throw InputError("--horizon", *demand.horizon,
                       "not a duration from 1s to 10 years (87660h), like 30d");
  }
  if (demand.metrics)
    demand.metrics_reference =
        fs::relative(fs::absolute(*demand.metrics), destination.parent_path()).string();
}

std::filesystem::path destination_of(const std::string& output, const char* option) {
  if (output.empty())
    throw InputError(option, "", "an empty path names no file; give the scenario file to write");
  return std::filesystem::absolute(output);
}

// Validates `scenario` as if at `output`; returns its text and its one-line description.
std::pair<std::string, std::string> checked_text(const nlohmann::ordered_json& scenario,
                                                 const std::string& output) {
  const std::string text = json_output_text(scenario) + "\n";
  const Scenario check = validated(text, destination_of(output, "-o"), output);
  return {text, std::to_string(check.pools.size()) + " pools, " +
                    std::to_string(check.load_balancers.size()) + " load balancers, " +
                    std::to_string(check.reservations.size()) + " reservations (region " +
                    check.region + ")"};
}

// A scenario whose only fault is demand left as a placeholder is written as it is: filling it
// in is the next step. Every other fault refuses.
std::pair<std::string, std::string> imported_text(const nlohmann::ordered_json& scenario,
                                                  const std::string& output) {
  nlohmann::ordered_json filled = scenario;
  bool placeholders = false;
  for (auto& lb : filled["load_balancers"])
    if (lb["demand"].contains("placeholder")) {
      lb["demand"] = {{"constant", 0}};
      placeholders = true;
    }
  auto described = checked_text(filled, output);
  if (!placeholders) return described;
  return {json_output_text(scenario) + "\n", described.second + "; demand to fill in"};
}

int run_terraform_import(ImportCommand& c, std::ostream& out, std::ostream& err) {
  const std::filesystem::path destination = destination_of(c.output, "-o");
  prepare_demand(c.terraform.demand, destination);
  const TerraformImportResult after = import_terraform(c.terraform);
  std::optional<TerraformImportResult> before;
  if (c.before_output) {
    const std::filesystem::path before_path = destination_of(*c.before_output, "--before");
    if (before_path.parent_path() != destination.parent_path())
      throw InputError("--before", *c.before_output,
                       "write it beside the -o scenario (the same folder), so that both name "
                       "the --metrics file alike");
    TerraformImportInput input = c.terraform;
    input.before = true;
    before = import_terraform(input);
    if (before->scenario["load_balancers"].empty()) before.reset();
  }
  const auto [text, described] = imported_text(after.scenario, c.output);
  std::pair<std::string, std::string> before_text;
  if (before) before_text = imported_text(before->scenario, *c.before_output);
  for (const std::string& note : after.notes) err << "note: " << printable_line(note) << "\n";
  AtomicFile file(destination);
  file.stream() << text;
  file.commit();
  out << "wrote " << c.output << ": " << described << "\n";
  if (before) {
    AtomicFile base(destination_of(*c.before_output, "--before"));
    base.stream() << before_text.first;
    base.commit();
    out << "wrote " << *c.before_output << " (before the change): " << before_text.second << "\n";
  } else if (c.before_output) {
    std::error_code ec;
    std::filesystem::remove(destination_of(*c.before_output, "--before"), ec);  // no stale one
    out << "no load balancer before the change: " << *c.before_output
        << " not written (plan without --baseline)\n";
  }
  return 0;
}

}  // namespace

CLI::App* add_import_command(CLI::App& app, ImportCommand& c) {
  CLI::App* import_cmd =
      app.add_subcommand("import", "Build a scenario from what you run today, or plan to");
  import_cmd->require_subcommand(1);
  CLI::App* aws_cmd = import_cmd->add_subcommand(
      "aws",
      "From AWS CLI JSON output: pools with parents and CIDRs, ALBs with AZs and IpamPools, "
      "other allocations as reservations, demand from CloudWatch metrics");
  aws_cmd->add_option("--ipam-pools", c.aws.ipam_pools,
                      "aws ec2 describe-ipam-pools output (every page; none: no IPAM, every "
                      "load balancer on no pool)");
  aws_cmd->add_option("--pool-cidrs", c.aws.pool_cidrs,
                      "aws ec2 get-ipam-pool-cidrs output, as POOL_ID=FILE (FILE alone when one "
                      "pool is imported); repeatable");
  aws_cmd->add_option("--allocations", c.aws.allocations,
                      "aws ec2 get-ipam-pool-allocations output, as POOL_ID=FILE; repeatable");
  aws_cmd
      ->add_option("--load-balancers", c.aws.load_balancers,
                   "aws elbv2 describe-load-balancers output (every page)")
      ->required();
  add_demand_options(*aws_cmd, c.aws.demand);
  aws_cmd->add_option("--region", c.aws.region, "Region (default: from the load balancers' ARNs)");
  aws_cmd->add_option("-o,--out", c.output, "Scenario file to write")->required();
  c.aws_cmd = aws_cmd;

  CLI::App* tf_cmd = import_cmd->add_subcommand(
      "terraform",
      "From `terraform show -json` output (a plan or a state): IPAM pools with parents, CIDRs "
      "and netmasks, ALBs with the AZs of their subnets, their ipam_pools and LCU reservation, "
      "Elastic IPs and allocations drawing from the pools as reservations; ids unknown before "
      "apply followed through the configuration's references (modules, count, for_each). Pool "
      "ids are Terraform addresses");
  tf_cmd->add_option("plan", c.terraform.plan, "terraform show -json output")->required();
  add_demand_options(*tf_cmd, c.terraform.demand);
  tf_cmd->add_option("--region", c.terraform.region,
                     "Region (default: the aws provider's region when it is a constant, else the "
                     "pools' locale)");
  tf_cmd->add_option("-o,--out", c.output, "Scenario file to write (the plan's after side)")
      ->required();
  tf_cmd->add_option("--before", c.before_output,
                     "Also write the scenario before the change (the plan's before side), the "
                     "--baseline of albsim plan --markdown");
  c.terraform_cmd = tf_cmd;
  return import_cmd;
}

int run_import_command(ImportCommand c, std::ostream& out, std::ostream& err) {
  if (c.terraform_cmd->parsed()) return run_terraform_import(c, out, err);
  AwsImportInput& input = c.aws;
  const std::string& output = c.output;
  const std::filesystem::path destination = destination_of(output, "-o");
  prepare_demand(input.demand, destination);
  const AwsImportResult result = import_aws(input);
  const auto [text, described] = checked_text(result.scenario, output);
  for (const std::string& note : result.notes) err << "note: " << printable_line(note) << "\n";
  AtomicFile file(destination);
  file.stream() << text;
  file.commit();
  out << "wrote " << output << ": " << described << "\n";
  return 0;
}

}  // namespace albsim
