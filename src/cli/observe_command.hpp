// `albsim observe`: a real load balancer's addresses (IPAM address history, ENI snapshots or a
// DNS log) measured as a simulation of the same window would be: report.json ("source":
// "observed"), timeseries.csv and, with --plot, the same charts.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "cli/cli_common.hpp"
#include "observe/observe.hpp"

namespace albsim {

struct ObserveCommand {
  CommonOptions common;
  ObserveRequest request;
  std::string out_dir = "albsim-observed";
  std::string timeseries_step = "auto";
  bool plot = false;
  bool html = false;  // DIR/report.html
  bool quiet = false;
};

CLI::App* add_observe_command(CLI::App& app, ObserveCommand& command);

int run_observe_command(const ObserveCommand& command, std::ostream& out, std::ostream& err);

}  // namespace albsim
