// `albsim plan`: its options and what it writes (plan.json, plan.tf, the table), and
// `albsim plan merge`, which makes the same from the shards of a fixed-budget plan.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "albsim/plan.hpp"
#include "cli/cli_common.hpp"
#include "cli/merge_command.hpp"
#include "distribute/peers.hpp"

namespace albsim {

struct PlanCommand {
  CommonOptions common;
  PlanOptions options;
  std::string netmasks = "24-30";
  std::optional<std::int64_t> seed;
  std::string out_dir = "albsim-plan";
  bool no_early_stop = false;
  std::optional<std::string> shard;
  bool plot = false;
  bool html = false;      // DIR/plan.html
  bool markdown = false;  // DIR/plan.md
  bool check = false;     // exit 3 unless the pool as it is meets the targets
  bool quiet = false;
  MergeCommand merge;  // `albsim plan merge`
  CLI::App* merge_cmd = nullptr;
};

CLI::App* add_plan_command(CLI::App& app, PlanCommand& command);

// `albsim plan` (alone, on MPI ranks, or one shard) or `albsim plan merge`. Returns the exit
// code: 0, or with --check 3 when the planned pool as the scenario has it misses a target.
int run_plan_command(PlanCommand& command, Peers& peers, std::ostream& out, std::ostream& err);

}  // namespace albsim
