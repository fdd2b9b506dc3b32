#include "cli/merge_command.hpp"

#include <filesystem>

#include "albsim/input_error.hpp"
#include "albsim/report_output.hpp"
#include "cli/cli_common.hpp"
#include "cli/plots.hpp"
#include "cli/scenario_input.hpp"
#include "distribute/shard_file.hpp"
#include "distribute/shard_records.hpp"
#include "report/atomic_file.hpp"

namespace albsim {
namespace {

int merge(const MergeCommand& c, const std::vector<ShardFile>& shards, std::ostream& out,
          std::ostream& err) {
  std::optional<std::filesystem::path> plot_script;
  if (c.plot || c.plot_window) plot_script = find_plot_script();
  const nlohmann::json& header = shards.front().header;
  const std::string path = scenario_path_of(header, c.scenario);
  const ScenarioInput input =
      load_scenario_input(path, overrides_from_json(header.at("scenario").at("overrides")), err);
  if (input.content_hash != header.at("scenario").at("content_hash"))
    throw InputError(path, "",
                     "is not the scenario the shards ran (its content hash differs: another file, "
                     "trace or ip-ranges.json); give the one they ran with --scenario");
  const Scenario& scenario = input.scenario;
  const std::optional<std::string> window =
      c.plot_window ? std::optional(plot_window_seconds(*c.plot_window, scenario)) : std::nullopt;
  const std::vector<Report> reports =
      replication_reports(shards, static_cast<std::uint64_t>(scenario.replications));

  const std::filesystem::path dir(c.out_dir);
  create_output_directory(dir);
  AtomicFile timeseries_file(dir / "timeseries.csv");
  AtomicFile report_file(dir / "report.json");
  copy_shard_timeseries(shards.front(), timeseries_file.stream());
  report_file.stream() << report_to_json(scenario, reports);
  commit_together({&report_file, &timeseries_file});
  if (!c.quiet) {
    print_summary(out, scenario, reports);
    out << "\nmerged " << shards.size() << " shards; wrote " << (dir / "report.json").string()
        << " and " << (dir / "timeseries.csv").string() << "\n";
  }
  if (plot_script) draw_plots(*plot_script, dir, out, err, window);
  return 0;
}

}  // namespace

std::string scenario_path_of(const nlohmann::json& header,
                             const std::optional<std::string>& moved) {
  if (moved) return *moved;
  const nlohmann::json& s = header.at("scenario");
  const std::string absolute = s.value("path", "");
  std::error_code ec;
  if (!absolute.empty() && std::filesystem::exists(absolute, ec)) return absolute;
  return s.value("given", absolute);
}

CLI::App* add_merge_command(CLI::App& app, MergeCommand& c) {
  CLI::App* cmd = app.add_subcommand(
      "merge",
      "Merge the shards of `albsim run --shard K/N` (DIR/shard-K.albsim) into DIR/report.json "
      "and DIR/timeseries.csv, the same bytes as one unsharded run");
  cmd->add_option("dirs", c.dirs, "Directories the shards wrote (--out of each)")->required();
  cmd->add_option("-o,--out", c.out_dir, "Output directory (created if missing)")
      ->capture_default_str();
  cmd->add_option("--scenario", c.scenario,
                  "The scenario file, when it is no longer where the shards ran (its content "
                  "must be the same)");
  cmd->add_flag("-q,--quiet", c.quiet, "Print no summary");
  cmd->add_flag("--plot", c.plot, "Also draw PNG charts into DIR (as albsim run --plot)");
  cmd->add_option("--plot-window", c.plot_window,
                  "Draw only FROM..TO of the run (implies --plot; as albsim run --plot-window)");
  return cmd;
}

int run_merge_command(const MergeCommand& c, std::ostream& out, std::ostream& err) {
  const std::vector<ShardFile> shards = read_shard_set(c.dirs, "shard", "run");
  try {
    return merge(c, shards, out, err);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(shards.front().path.string(), "",
                     std::string("has a header albsim cannot use: ") + e.what());
  }
}

}  // namespace albsim
