#include "cli/merge_command.hpp"

#include <filesystem>

#include "albsim/report_output.hpp"
#include "cli/plots.hpp"
#include "distribute/merge_run.hpp"
#include "html/report_html.hpp"

namespace albsim {

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
  cmd->add_flag("--html", c.html,
                "Also write DIR/report.html (as albsim run --html; its charts from "
                "timeseries.csv's samples, as shards keep no envelope)");
  cmd->add_flag("--plot", c.plot, "Also draw PNG charts into DIR (as albsim run --plot)");
  cmd->add_option("--plot-window", c.plot_window,
                  "Draw only FROM..TO of the run (implies --plot; as albsim run --plot-window)");
  return cmd;
}

int run_merge_command(const MergeCommand& c, std::ostream& out, std::ostream& err) {
  std::optional<std::filesystem::path> plot_script;
  if (c.plot || c.plot_window) plot_script = find_plot_script();
  std::optional<std::string> window;
  const std::filesystem::path dir(c.out_dir);
  const MergedRun merged = merge_run_shards(c.dirs, c.scenario, dir, err, [&](const Scenario& s) {
    if (c.plot_window) window = plot_window_seconds(*c.plot_window, s);
  });
  if (!c.quiet) {
    print_summary(out, merged.input.scenario, merged.reports);
    out << "\nmerged " << merged.shards << " shards; wrote " << (dir / "report.json").string()
        << " and " << (dir / "timeseries.csv").string() << "\n";
  }
  if (c.html) {
    const std::filesystem::path page = write_report_html(dir);
    if (!c.quiet) out << "wrote " << page.string() << "\n";
  }
  if (plot_script) draw_plots(*plot_script, dir, out, err, window);
  return 0;
}

}  // namespace albsim
