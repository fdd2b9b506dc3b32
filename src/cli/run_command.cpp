#include "cli/run_command.hpp"

#include <cstdlib>
#include <filesystem>

#include "albsim/charges.hpp"
#include "albsim/input_error.hpp"
#include "albsim/report_output.hpp"
#include "cli/cli_common.hpp"
#include "cli/option_checks.hpp"
#include "cli/plots.hpp"
#include "cli/progress.hpp"
#include "distribute/run_job.hpp"
#include "html/report_html.hpp"
#include "observe/observed_comparison.hpp"
#include "observe/seen_as_observed.hpp"
#include "report/atomic_file.hpp"
#include "report/finite_json.hpp"
#include "report/timeseries_csv.hpp"

namespace albsim {
namespace {

// The run seen through the observed source (seen_as_observed.hpp): its figures for the summary,
// its rows in DIR/seen_as_observed.csv, and DIR/comparison.json naming both sides' rows for the
// comparison chart.
Report write_seen_as_observed(const Scenario& scenario, const nlohmann::ordered_json& observed,
                              const std::string& observed_path, const std::filesystem::path& dir,
                              SimTime step) {
  AtomicFile rows(dir / "seen_as_observed.csv");
  AtomicFile comparison(dir / "comparison.json");
  TimeseriesCsv csv(rows.stream(), scenario);
  const Report seen = seen_as_observed(scenario, source_of_report(observed, scenario), step, &csv);
  const std::filesystem::path given(observed_path);
  const std::filesystem::path observed_dir =
      std::filesystem::is_directory(given) ? given : given.parent_path();
  const nlohmann::ordered_json names = {
      {"observed_report", std::filesystem::absolute(observed_dir / "report.json").string()},
      {"observed_timeseries", std::filesystem::absolute(observed_dir / "timeseries.csv").string()},
      {"seen_as_observed", "seen_as_observed.csv"}};
  comparison.stream() << json_output_text(names) << "\n";
  commit_together({&rows, &comparison});
  return seen;
}

}  // namespace

CLI::App* add_run_command(CLI::App& app, RunCommand& c) {
  CLI::App* cmd = app.add_subcommand(
      "run", "Simulate a scenario: write DIR/report.json and DIR/timeseries.csv, print a summary");
  add_common(*cmd, c.common);
  cmd->add_option("-o,--out", c.out_dir, "Output directory (created if missing)")
      ->capture_default_str();
  cmd->add_option("--seed", c.seed, "Master seed (overrides the scenario's /seed)")
      ->check(whole_number(0, kMaxSeed));
  cmd->add_option("--replications", c.replications,
                  "Replications (overrides /replications); report.json keeps replication 0 and "
                  "adds their distribution")
      ->check(whole_number(1, kMaxReplications));
  cmd->add_option("--threads", c.threads,
                  "Threads running replications (default: every core, shared among the MPI ranks "
                  "on this machine); results do not depend on it")
      ->check(whole_number(0, kMaxThreads));
  cmd->add_option("--timeseries-step", c.timeseries_step,
                  "Sample step of timeseries.csv, like 1m or 1h; auto = first of 1m 5m 15m 1h 6h "
                  "1d giving at most 10000 rows")
      ->capture_default_str();
  cmd->add_option("--shard", c.shard,
                  "Run only shard K of N (replications i with i mod N = K) and write "
                  "DIR/shard-K.albsim for `albsim merge`; auto/N takes K from "
                  "JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX or SLURM_ARRAY_TASK_ID");
  cmd->add_option("--compare-observed", c.compare_observed,
                  "The report.json (or its folder) of `albsim observe` for this scenario's load "
                  "balancers: the summary adds each metric observed and its difference, the run "
                  "seen through the same source (also DIR/seen_as_observed.csv; with --plot, "
                  "DIR/comparison.png)");
  cmd->add_flag("--charges", c.charges,
                "Also write DIR/charges.csv: the IPv4 charges per UTC day, usage type and "
                "resource in FOCUS 1.2 columns, each attributed to a pool and a load balancer "
                "(with replications: their means, and DIR/charges_percentiles.csv); the summary "
                "adds them by pool and consumer (needs the scenario's start)");
  cmd->add_flag("--html", c.html,
                "Also write DIR/report.html, one self-contained page (charts, headline, cost, "
                "provenance) to open offline or send, and DIR/timeseries_envelope.csv, every "
                "change of replication 0 as the min/max per chart column it draws");
  cmd->add_flag("-q,--quiet", c.quiet, "Print no summary and no progress bar");
  cmd->add_flag("--plot", c.plot,
                "Also draw PNG charts into DIR with tools/plot/albsim_plot.py (needs Debian's "
                "python3-matplotlib)");
  cmd->add_option(
      "--plot-window", c.plot_window,
      "Draw only FROM..TO of the run (implies --plot): ISO-8601 times, or durations from the "
      "start like 2d..3d; an end may be left out (..36h)");
  return cmd;
}

int run_run_command(const RunCommand& c, Peers& peers, std::ostream& out, std::ostream& err) {
  std::vector<Override> overrides = parse_sets(c.common.sets);
  if (c.seed) overrides.push_back({"/seed", std::to_string(*c.seed)});
  if (c.replications) overrides.push_back({"/replications", std::to_string(*c.replications)});
  std::optional<ShardSpec> shard;
  if (c.shard) {
    shard = parse_shard(*c.shard, [](const char* name) { return std::getenv(name); });
    if (c.plot || c.plot_window)
      throw InputError("--plot", "", "a shard has no report to draw; pass --plot to albsim merge");
  }
  std::optional<std::filesystem::path> plot_script;
  if (c.plot || c.plot_window) plot_script = find_plot_script();
  if (shard && c.compare_observed)
    throw InputError("--compare-observed", "", "a shard has no summary to compare");
  if (shard && c.html)
    throw InputError("--html", "", "a shard has no report to draw; pass --html to albsim merge");
  if (shard && c.charges)
    throw InputError("--charges", "",
                     "a shard writes no charges.csv; run without --shard to get replication 0's "
                     "charges");
  const nlohmann::ordered_json observed =
      c.compare_observed ? read_observed_report(*c.compare_observed) : nlohmann::ordered_json();
  const ScenarioInput input = load_scenario_input(c.common.scenario, overrides, err);
  const std::optional<std::string> window =
      c.plot_window ? std::optional(plot_window_seconds(*c.plot_window, input.scenario))
                    : std::nullopt;

  RunJob job{c.common.scenario,
             overrides,
             c.out_dir,
             shard,
             parse_timeseries_step(c.timeseries_step, input.scenario),
             c.threads,
             c.charges,
             c.html,
             {}};
  if (c.charges)
    check_chargeable(input.scenario, static_cast<std::uint64_t>(input.scenario.replications),
                     c.replications ? "--replications" : input.scenario.file + ": /replications");
  ProgressBar progress(err, 1, !c.quiet && stderr_is_terminal());
  job.on_progress = [&](std::size_t finished, std::size_t total) {
    progress.update(static_cast<int>(finished), static_cast<int>(total));
  };
  const RunOutcome outcome = run_job(input, job, peers);
  progress.finish();
  if (!peers.is_root()) return 0;
  if (!c.quiet && shard)
    out << "shard " << shard->index << " of " << shard->count << ": " << outcome.replications
        << " of " << input.scenario.replications << " replications; wrote "
        << outcome.written.string() << "\nmerge every shard with: albsim merge DIR... --out DIR\n";
  std::optional<Report> seen;  // the run seen through the observed source
  if (c.compare_observed)
    seen = write_seen_as_observed(input.scenario, observed, *c.compare_observed, job.out_dir,
                                  job.timeseries_step);
  if (!c.quiet && !shard) {
    print_summary(out, input.scenario, outcome.reports);
    if (seen) print_observed_comparison(out, *seen, observed);
    if (c.charges) print_charge_attribution(out, outcome.reports, outcome.charges);
    out << "\nwrote " << outcome.written.string() << ", "
        << (job.out_dir / "timeseries.csv").string()
        << (c.charges ? ", " + (job.out_dir / "charges.csv").string() : std::string())
        << (c.charges && outcome.reports.size() > 1
                ? ", " + (job.out_dir / "charges_percentiles.csv").string()
                : std::string())
        << "\n";
  }
  if (c.html) {
    const std::filesystem::path page = write_report_html(job.out_dir);
    if (!c.quiet) out << "wrote " << page.string() << "\n";
  }
  if (plot_script) draw_plots(*plot_script, job.out_dir, out, err, window);
  return 0;
}

}  // namespace albsim
