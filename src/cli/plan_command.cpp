#include "cli/plan_command.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string_view>

#include "albsim/input_error.hpp"
#include "cli/cli.hpp"
#include "cli/cli_common.hpp"
#include "cli/option_checks.hpp"
#include "cli/plots.hpp"
#include "cli/progress.hpp"
#include "distribute/spread.hpp"
#include "html/report_html.hpp"
#include "plan/plan_files.hpp"
#include "plan/plan_runs.hpp"
#include "plan/plan_shards.hpp"
#include "report/atomic_file.hpp"
#include "report/text_format.hpp"
#include "scenario/trace_inputs.hpp"

namespace albsim {
namespace {

// One or two digits, the whole of `text`.
std::optional<int> netmask_number(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || text.size() > 2 || ec != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

// "A-B" or "A": the BYOIP netmask range.
void parse_netmasks(const std::string& text, PlanOptions& options) {
  const std::size_t dash = text.find('-');
  const auto low = netmask_number(std::string_view(text).substr(0, dash));
  const auto high =
      dash == std::string::npos ? low : netmask_number(std::string_view(text).substr(dash + 1));
  if (!low || !high)
    throw InputError(
        "--netmasks", "",
        "\"" + text + "\" is not a netmask range; write A-B like 24-30, or one like 28");
  options.netmask_min = *low;
  options.netmask_max = *high;
}

// What a plan writes besides plan.json and plan.tf.
struct PlanOutputs {
  bool quiet = false;
  bool html = false;
  bool markdown = false;
  bool check = false;
  std::optional<std::filesystem::path> plot_script;
};

// With --check: 0 when the pool as the scenario has it meets every target, else 3 with one line
// on `err` naming the pool, what it misses and the recommendation.
int check_exit_code(const PlanResult& result, std::ostream& err) {
  const CandidateResult* now = current_candidate(result);
  if (now && now->verdict == Verdict::meets) return 0;
  err << "albsim: check: pool " << result.pool;
  if (now)
    err << " as it is (" << now->name << ") " << verdict_name(now->verdict)
        << (now->reasons.empty() ? std::string() : ": " + join(now->reasons));
  if (result.recommendation) {
    const CandidateResult& r = result.candidates[*result.recommendation];
    err << "; " << r.name << " meets the targets";
    if (r.kind != CandidateKind::managed_only)
      err << " (netmask_length = " << r.netmask
          << (r.kind == CandidateKind::amazon && r.blocks > 1
                  ? ", " + std::to_string(r.blocks) + " blocks"
                  : std::string())
          << ")";
  } else {
    err << "; no candidate meets the targets";
  }
  err << "\n";
  return kExitCheckFailed;
}

// The scenario's trace lines and warnings on `err`; plan.json, plan.tf (or none), the table,
// plan.md, plan.html and the chart. Returns the exit code.
int write_plan(const PlanResult& result, const std::filesystem::path& dir,
               const PlanOutputs& outputs, std::ostream& out, std::ostream& err) {
  for (const TraceInput& trace : result.trace_inputs) err << trace_input_line(trace) << "\n";
  for (const std::string& warning : result.warnings)
    err << "warning: " << printable_line(warning) << "\n";
  const bool terraform = write_plan_files(result, dir);
  if (!outputs.quiet) {
    print_plan(out, result);
    out << "\nwrote " << (dir / "plan.json").string()
        << (terraform ? " and " + (dir / "plan.tf").string() : "") << "\n";
  }
  if (outputs.markdown) {
    AtomicFile file(dir / "plan.md");
    file.stream() << plan_markdown(result);
    file.commit();
    if (!outputs.quiet) out << "wrote " << (dir / "plan.md").string() << "\n";
  }
  if (outputs.html) {
    const std::filesystem::path page = write_plan_html(dir);
    if (!outputs.quiet) out << "wrote " << page.string() << "\n";
  }
  if (outputs.plot_script) draw_plots(*outputs.plot_script, dir, out, err);
  return outputs.check ? check_exit_code(result, err) : 0;
}

int merge_plan(const PlanCommand& c, std::ostream& out, std::ostream& err) {
  PlanOutputs outputs{c.merge.quiet, c.merge.html, c.markdown, c.check, std::nullopt};
  if (c.merge.plot) outputs.plot_script = find_plot_script();
  const PlanResult result = merge_plan_shards(c.merge.dirs, c.merge.scenario, c.options.baseline);
  const std::filesystem::path dir(c.merge.out_dir);
  create_output_directory(dir);
  return write_plan(result, dir, outputs, out, err);
}

// --markdown, --check and --baseline: the plan as a pull request's review sees it.
void add_review_options(CLI::App& cmd, PlanCommand& c) {
  cmd.add_flag("--markdown", c.markdown,
               "Also write DIR/plan.md, a pull-request comment: the verdict on the pool as it is, "
               "its monthly cost before (--baseline) and after, the line to change, the "
               "candidates folded");
  cmd.add_flag("--check", c.check,
               "Exit 3 unless the pool as the scenario has it meets every target (uncertain "
               "counts as not met), after writing every file; 2 stays bad input");
  cmd.add_option("--baseline", c.options.baseline,
                 "The scenario before the change (albsim import terraform --before): its cost "
                 "of the planned pool and load balancers, simulated with the same --set, is the "
                 "'before' of plan.md");
}

}  // namespace

CLI::App* add_plan_command(CLI::App& app, PlanCommand& c) {
  CLI::App* cmd = app.add_subcommand(
      "plan",
      "Size a pool: simulate candidate pools (BYOIP netmasks, Amazon blocks, managed-only) for "
      "one pool's load balancers, check allowlist targets, price every option per month, write "
      "DIR/plan.json and DIR/plan.tf");
  add_common(*cmd, c.common, false);
  PlanOptions& o = c.options;
  auto* pool = cmd->add_option("--pool", o.pool, "Plan this pool (every load balancer on it)");
  auto* lb = cmd->add_option("--lb", o.lb,
                             "Plan this load balancer's pool (a new pool if it draws from none)");
  pool->excludes(lb);
  cmd->add_option("--netmasks", c.netmasks, "BYOIP candidate netmasks, A-B (8 <= A <= B <= 32)")
      ->capture_default_str();
  cmd->add_flag("--allow-quota-increase", o.allow_quota_increase,
                "Also try Amazon blocks /24 to /28 (beyond the default quota of /29 or /30)");
  cmd->add_option("--max-breach-probability", o.targets.max_breach_probability,
                  "Target: P(any breach within the horizon) at most this")
      ->capture_default_str();
  cmd->add_option("--min-in-allowlist", o.targets.min_in_allowlist,
                  "Target: in-allowlist ratio of the worst load balancer at least this")
      ->capture_default_str();
  cmd->add_option("--max-breach-minutes-per-month", o.targets.max_breach_minutes_per_month,
                  "Target: mean breach minutes per month at most this (default: none)");
  cmd->add_option("--replications", o.replications,
                  "Runs per candidate at most (default: the scenario's /replications)")
      ->check(whole_number(1, kMaxReplications));
  cmd->add_option("--seed", c.seed, "Master seed (overrides the scenario's /seed)")
      ->check(whole_number(0, kMaxSeed));
  cmd->add_flag("--no-early-stop", c.no_early_stop,
                "Run every candidate to the full budget (no sequential test)");
  cmd->add_option("--shard", c.shard,
                  "Run only shard K of N (replications r with r mod N = K of every candidate; "
                  "needs --no-early-stop) into DIR/plan-shard-K.albsim for `albsim plan merge`; "
                  "auto/N as for run");
  cmd->add_flag("--fast", o.fast,
                "Markov screen only, no simulation (constant demand; see docs/planning.md)");
  cmd->add_option("--threads", o.threads,
                  "Threads (default: every core); results do not depend on it")
      ->check(whole_number(0, kMaxThreads));
  cmd->add_option("-o,--out", c.out_dir, "Output directory (created if missing)")
      ->capture_default_str();
  cmd->add_flag("--plot", c.plot, "Also draw DIR/plan.png (needs Debian's python3-matplotlib)");
  cmd->add_flag("--html", c.html,
                "Also write DIR/plan.html: the candidates (cost against P(breach) with "
                "intervals), the recommendation, why each other failed, the alternatives; one "
                "self-contained page");
  add_review_options(*cmd, c);
  cmd->add_flag("-q,--quiet", c.quiet, "Print no table");
  AlternativePricing& a = o.alternatives;
  const char* group = "Alternatives (scenario prices: --set /pricing/...)";
  cmd->add_option("--nlb-per-hour", a.nlb_per_hour, "NLB hour (USD)")
      ->capture_default_str()
      ->check(finite_number(0, kMaxAlternativePrice))
      ->group(group);
  cmd->add_option("--nlcu-per-hour", a.nlcu_per_hour, "NLCU hour (USD)")
      ->capture_default_str()
      ->check(finite_number(0, kMaxAlternativePrice))
      ->group(group);
  cmd->add_option("--gb-per-nlcu-hour", a.gb_per_nlcu_hour, "GB processed per NLCU-hour")
      ->capture_default_str()
      ->check(finite_number(0, kMaxAlternativePrice))
      ->group(group);
  cmd->add_option("--accelerator-per-hour", a.accelerator_per_hour, "Global Accelerator hour (USD)")
      ->capture_default_str()
      ->check(finite_number(0, kMaxAlternativePrice))
      ->group(group);
  cmd->add_option("--accelerator-premium-per-gb", a.accelerator_premium_per_gb,
                  "Global Accelerator data-transfer premium per GB (USD)")
      ->capture_default_str()
      ->check(finite_number(0, kMaxAlternativePrice))
      ->group(group);
  cmd->add_option("--cloudfront-anycast-per-month", a.cloudfront_anycast_per_month,
                  "CloudFront Anycast Static IP list, per month (USD)")
      ->capture_default_str()
      ->check(finite_number(0, kMaxAlternativePrice))
      ->group(group);
  cmd->add_option("--gb-per-lcu-hour", a.gb_per_lcu_hour,
                  "Assumption: GB the ALB processes per LCU-hour of demand")
      ->capture_default_str()
      ->check(finite_number(0, kMaxAlternativePrice))
      ->group(group);

  MergeCommand& m = c.merge;
  m.out_dir = c.out_dir;  // the plan's default directory
  c.merge_cmd = cmd->add_subcommand(
      "merge",
      "Merge the shards of `albsim plan --shard K/N --no-early-stop` (DIR/plan-shard-K.albsim) "
      "into DIR/plan.json and DIR/plan.tf, the same bytes as one process");
  c.merge_cmd->add_option("dirs", m.dirs, "Directories the shards wrote (--out of each)")
      ->required();
  c.merge_cmd->add_option("-o,--out", m.out_dir, "Output directory (created if missing)")
      ->capture_default_str();
  c.merge_cmd->add_option("--scenario", m.scenario,
                          "The scenario file, when it is no longer where the shards ran");
  c.merge_cmd->add_flag("-q,--quiet", m.quiet, "Print no table");
  c.merge_cmd->add_flag("--plot", m.plot, "Also draw DIR/plan.png");
  c.merge_cmd->add_flag("--html", m.html, "Also write DIR/plan.html");
  add_review_options(*c.merge_cmd, c);
  return cmd;
}

int run_plan_command(PlanCommand& c, Peers& peers, std::ostream& out, std::ostream& err) {
  if (c.merge_cmd->parsed()) return peers.is_root() ? merge_plan(c, out, err) : 0;
  if (c.common.scenario.empty())
    throw InputError("albsim plan", "", "give a scenario file (or: albsim plan merge DIR...)");
  PlanOptions& o = c.options;
  o.scenario_path = c.common.scenario;
  o.overrides = parse_sets(c.common.sets);
  if (c.seed) o.overrides.push_back({"/seed", std::to_string(*c.seed)});
  o.early_stop = !c.no_early_stop;
  parse_netmasks(c.netmasks, o);
  std::optional<ShardSpec> shard;
  if (c.shard) {
    shard = parse_shard(*c.shard, [](const char* name) { return std::getenv(name); });
    if (c.plot)
      throw InputError("--plot", "",
                       "a shard has no plan to draw; pass --plot to albsim plan merge");
    if (c.markdown || c.check || o.baseline)
      throw InputError(c.markdown ? "--markdown"
                       : c.check  ? "--check"
                                  : "--baseline",
                       "", "a shard has no verdict; pass it to albsim plan merge");
  }

  PlanOutputs outputs{c.quiet, c.html, c.markdown, c.check, std::nullopt};
  if (c.plot) outputs.plot_script = find_plot_script();
  const std::filesystem::path dir(c.out_dir);
  agree(peers, [&] {
    if (peers.is_root()) create_output_directory(dir);
  });
  ProgressBar progress(err, 1, !c.quiet && stderr_is_terminal(), "runs");
  o.on_progress = [&](int finished, int at_most) { progress.update(finished, at_most); };
  if (shard) {
    const WrittenPlanShard written = write_plan_shard(o, *shard, peers, dir);
    progress.finish();
    if (peers.is_root() && !c.quiet)
      out << "plan shard " << shard->index << " of " << shard->count << ": " << written.runs
          << " runs; wrote " << written.path.string()
          << "\nmerge every shard with: albsim plan merge DIR... --out DIR\n";
    return 0;
  }
  const PlanResult result = plan(o, peers);
  progress.finish();
  if (!peers.is_root()) return 0;
  return write_plan(result, dir, outputs, out, err);
}

}  // namespace albsim
