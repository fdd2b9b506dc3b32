// `albsim calibrate`: a load balancer's scaling model (node capacity, launch delay, scale-in
// cooldown, replacement age) fitted to what the real one did, read from the same observations
// as `albsim observe`: DIR/calibration.json, DIR/calibrated.json (the scenario with the fit),
// DIR/calibration_nodes.csv and, with --plot, DIR/calibration.png.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "cli/cli_common.hpp"
#include "observe/observe.hpp"

namespace albsim {

struct CalibrateCommand {
  CommonOptions common;
  ObserveRequest request;
  std::string out_dir = "albsim-calibrated";
  bool plot = false;
  bool html = false;  // DIR/calibration.html
  bool quiet = false;
};

CLI::App* add_calibrate_command(CLI::App& app, CalibrateCommand& command);

int run_calibrate_command(const CalibrateCommand& command, std::ostream& out, std::ostream& err);

}  // namespace albsim
