// `albsim run`: simulate a scenario's replications (alone, on MPI ranks, or one shard of them)
// and write report.json and timeseries.csv, or the shard's file.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "cli/cli_common.hpp"
#include "distribute/peers.hpp"

namespace albsim {

struct RunCommand {
  CommonOptions common;
  std::string out_dir = "albsim-out";
  std::optional<std::int64_t> seed;
  std::optional<std::int64_t> replications;
  int threads = 0;
  std::string timeseries_step = "auto";
  std::optional<std::string> shard;
  bool plot = false;
  std::optional<std::string> plot_window;       // FROM..TO; implies plot
  std::optional<std::string> compare_observed;  // an observed report.json, or its folder
  bool quiet = false;
  bool charges = false;  // DIR/charges.csv and the attribution table
  bool html = false;     // DIR/report.html (and DIR/timeseries_envelope.csv for it)
};

CLI::App* add_run_command(CLI::App& app, RunCommand& command);

int run_run_command(const RunCommand& command, Peers& peers, std::ostream& out, std::ostream& err);

}  // namespace albsim
