#include "cli/run_command.hpp"

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "albsim/input_error.hpp"
#include "albsim/report_output.hpp"
#include "albsim/simulation.hpp"
#include "albsim/version.hpp"
#include "cli/observed_comparison.hpp"
#include "cli/plots.hpp"
#include "cli/progress.hpp"
#include "cli/scenario_input.hpp"
#include "distribute/report_record.hpp"
#include "distribute/shard_file.hpp"
#include "distribute/shard_spec.hpp"
#include "distribute/spread.hpp"
#include "report/atomic_file.hpp"
#include "report/timeseries_csv.hpp"

namespace albsim {
namespace {

// The shard file's header: what merge needs to load the scenario again and to check that every
// shard belongs to one run.
nlohmann::json shard_header(const RunCommand& c, const std::vector<Override>& overrides,
                            const ScenarioInput& input, SimTime step, const ShardSpec& shard) {
  return {{"kind", "run"},
          {"albsim", ALBSIM_VERSION},
          {"report_schema", report_schema_fingerprint()},
          {"scenario", scenario_header(c.common.scenario, overrides, input.content_hash)},
          {"options",
           {{"replications", input.scenario.replications}, {"timeseries_step_ms", step.ms()}}},
          {"shard", {{"index", shard.index}, {"count", shard.count}}}};
}

}  // namespace

CLI::App* add_run_command(CLI::App& app, RunCommand& c) {
  CLI::App* cmd = app.add_subcommand(
      "run", "Simulate a scenario: write DIR/report.json and DIR/timeseries.csv, print a summary");
  add_common(*cmd, c.common);
  cmd->add_option("-o,--out", c.out_dir, "Output directory (created if missing)")
      ->capture_default_str();
  cmd->add_option("--seed", c.seed, "Master seed (overrides the scenario's /seed)");
  cmd->add_option("--replications", c.replications,
                  "Replications (overrides /replications); report.json keeps replication 0 and "
                  "adds their distribution");
  cmd->add_option("--threads", c.threads,
                  "Threads running replications (default: every core, shared among the MPI ranks "
                  "on this machine); results do not depend on it")
      ->check(CLI::NonNegativeNumber);
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
                  "balancers: the summary adds each metric observed and its difference");
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
  const nlohmann::ordered_json observed =
      c.compare_observed ? read_observed_report(*c.compare_observed) : nlohmann::ordered_json();
  const ScenarioInput input = load_scenario_input(c.common.scenario, overrides, err);
  const Scenario& scenario = input.scenario;
  const std::optional<std::string> window =
      c.plot_window ? std::optional(plot_window_seconds(*c.plot_window, scenario)) : std::nullopt;
  const SimTime step = parse_timeseries_step(c.timeseries_step, scenario);

  const auto total = static_cast<std::uint64_t>(scenario.replications);
  const std::vector<std::uint64_t> replications =
      shard ? shard->replications_of(total) : ShardSpec{}.replications_of(total);
  const bool keeps_timeseries = !replications.empty() && replications.front() == 0;

  // Output files are opened on rank 0 before any simulation, so a bad --out fails at once.
  const std::filesystem::path dir(c.out_dir);
  const std::string shard_name = shard ? "shard-" + std::to_string(shard->index) : "";
  std::unique_ptr<AtomicFile> timeseries_file;
  std::unique_ptr<AtomicFile> report_file;
  std::unique_ptr<TimeseriesCsv> timeseries;
  agree(peers, [&] {
    if (!peers.is_root()) return;
    create_output_directory(dir);
    if (keeps_timeseries) {
      timeseries_file = std::make_unique<AtomicFile>(
          dir / (shard ? shard_name + ".timeseries.csv" : std::string("timeseries.csv")));
      timeseries = std::make_unique<TimeseriesCsv>(timeseries_file->stream(), scenario);
    }
    if (!shard) report_file = std::make_unique<AtomicFile>(dir / "report.json");
  });

  ProgressBar progress(err, static_cast<int>(share_of(peers, replications.size())),
                       !c.quiet && stderr_is_terminal());
  const std::vector<std::string> records = spread(
      peers, replications.size(), c.threads,
      [&](std::size_t k) {
        SimulationOptions options;
        options.replication = replications[k];
        if (replications[k] == 0) {  // task 0: on rank 0, which holds the timeseries file
          options.timeseries_step = step;
          options.timeseries = timeseries.get();
        }
        return encode_report(simulate(scenario, options));
      },
      [&](std::size_t finished) { progress.update(static_cast<int>(finished)); });
  progress.finish();
  if (!peers.is_root()) return 0;

  if (shard) {
    nlohmann::json header = shard_header(c, overrides, input, step, *shard);
    if (timeseries_file) {
      timeseries_file->commit();
      const std::filesystem::path path = dir / (shard_name + ".timeseries.csv");
      const FileDigest digest = digest_file(path);
      header["timeseries"] = {
          {"file", path.filename().string()}, {"bytes", digest.bytes}, {"fnv1a64", digest.fnv1a64}};
    }
    std::vector<std::pair<std::uint64_t, std::string>> keyed;
    for (std::size_t k = 0; k < records.size(); ++k)
      keyed.emplace_back(replications[k], records[k]);
    write_shard_file(dir / (shard_name + ".albsim"), header, keyed);
    if (!c.quiet)
      out << "shard " << shard->index << " of " << shard->count << ": " << records.size() << " of "
          << total << " replications; wrote " << (dir / (shard_name + ".albsim")).string()
          << "\nmerge every shard with: albsim merge DIR... --out DIR\n";
    return 0;
  }

  std::vector<Report> reports;
  reports.reserve(records.size());
  for (const std::string& record : records) reports.push_back(decode_report(record));
  report_file->stream() << report_to_json(scenario, reports);
  commit_together({report_file.get(), timeseries_file.get()});
  if (!c.quiet) {
    print_summary(out, scenario, reports);
    if (c.compare_observed) print_observed_comparison(out, reports.front(), observed);
    out << "\nwrote " << (dir / "report.json").string() << " and "
        << (dir / "timeseries.csv").string() << "\n";
  }
  if (plot_script) draw_plots(*plot_script, dir, out, err, window);
  return 0;
}

}  // namespace albsim
