// `albsim reconcile SCENARIO --bill FILE...`: a CUR 2.0 or FOCUS export's public IPv4 and IPAM
// lines against the scenario's simulated charges; prints the comparison and writes
// DIR/reconcile.json.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/cli_common.hpp"

namespace albsim {

struct ReconcileCommand {
  CommonOptions common;
  std::vector<std::string> bills;
  std::optional<std::string> from, to;
  std::string out_dir = "albsim-reconcile";
};

CLI::App* add_reconcile_command(CLI::App& app, ReconcileCommand& command);

int run_reconcile_command(const ReconcileCommand& command, std::ostream& out, std::ostream& err);

}  // namespace albsim
