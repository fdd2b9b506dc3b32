// `albsim report DIR`: DIR/report.html from what a run (merge, observe) left in DIR,
// DIR/plan.html from a plan's, DIR/calibration.html from a calibration's, without running
// anything again.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

namespace albsim {

struct ReportCommand {
  std::string dir;
  bool quiet = false;
};

CLI::App* add_report_command(CLI::App& app, ReportCommand& command);

int run_report_command(const ReportCommand& command, std::ostream& out);

}  // namespace albsim
