// `albsim merge`: the shards of one `albsim run --shard K/N` into the report.json and
// timeseries.csv the unsharded run writes, byte for byte.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace albsim {

struct MergeCommand {
  std::vector<std::string> dirs;
  std::string out_dir = "albsim-out";
  std::optional<std::string> scenario;  // where the scenario is now, when not where it was
  bool plot = false;
  std::optional<std::string> plot_window;  // FROM..TO; implies plot
  bool quiet = false;
  bool html = false;  // DIR/report.html (from the merged timeseries.csv's samples)
};

CLI::App* add_merge_command(CLI::App& app, MergeCommand& command);

int run_merge_command(const MergeCommand& command, std::ostream& out, std::ostream& err);

}  // namespace albsim
