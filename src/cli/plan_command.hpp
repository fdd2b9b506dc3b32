// `albsim plan`: its options and what it writes (plan.json, plan.tf, the table).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "albsim/plan.hpp"
#include "cli/cli_common.hpp"

namespace albsim {

struct PlanCommand {
  CommonOptions common;
  PlanOptions options;
  std::string netmasks = "24-30";
  std::optional<std::int64_t> seed;
  std::string out_dir = "albsim-plan";
  bool no_early_stop = false;
  bool plot = false;
  bool quiet = false;
};

CLI::App* add_plan_command(CLI::App& app, PlanCommand& command);

int run_plan_command(PlanCommand& command, std::ostream& out, std::ostream& err);

}  // namespace albsim
