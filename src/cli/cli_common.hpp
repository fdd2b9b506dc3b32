// What the subcommands share: the scenario argument and its `--set` overrides.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "albsim/load_scenario.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

struct CommonOptions {
  std::string scenario;
  std::vector<std::string> sets;
};

// Adds the scenario argument and --set to a subcommand.
void add_common(CLI::App& command, CommonOptions& options);

// Whether stderr is a terminal (where a progress bar may be drawn).
bool stderr_is_terminal();

// The --set arguments as overrides. Throws InputError on one without "/pointer=".
std::vector<Override> parse_sets(const std::vector<std::string>& sets);

}  // namespace albsim
