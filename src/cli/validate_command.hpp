// `albsim validate`: check a scenario (with its --set overrides) and print ok with its size, or
// the first fault.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/cli_common.hpp"

namespace albsim {

struct ValidateCommand {
  CommonOptions common;
};

CLI::App* add_validate_command(CLI::App& app, ValidateCommand& command);

int run_validate_command(const ValidateCommand& command, std::ostream& out, std::ostream& err);

}  // namespace albsim
