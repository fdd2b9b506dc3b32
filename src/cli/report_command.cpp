#include "cli/report_command.hpp"

#include <filesystem>

#include "html/report_html.hpp"

namespace albsim {

CLI::App* add_report_command(CLI::App& app, ReportCommand& c) {
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Write DIR/report.html from an albsim run's, merge's or observe's output folder "
      "(report.json, and timeseries_envelope.csv or else timeseries.csv), DIR/plan.html from a "
      "plan's (plan.json), DIR/calibration.html from a calibration's, without running again");
  cmd->add_option("dir", c.dir,
                  "The output folder (--out of albsim run, merge, observe, plan or calibrate)")
      ->required();
  cmd->add_flag("-q,--quiet", c.quiet, "Print nothing");
  return cmd;
}

int run_report_command(const ReportCommand& c, std::ostream& out) {
  for (const std::filesystem::path& page : write_html_pages(c.dir))
    if (!c.quiet) out << "wrote " << page.string() << "\n";
  return 0;
}

}  // namespace albsim
