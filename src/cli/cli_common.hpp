// What the subcommands share: the scenario argument and its `--set` overrides.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
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
// `required` false: the caller checks the scenario itself (a command with subcommands).
void add_common(CLI::App& command, CommonOptions& options, bool required = true);

// Whether stderr is a terminal (where a progress bar may be drawn).
bool stderr_is_terminal();

// --timeseries-step: "auto" (report/timeseries_csv.hpp) or a positive duration giving at most
// 10,000,000 rows over the horizon. Throws InputError naming --timeseries-step.
SimTime parse_timeseries_step(const std::string& text, const Scenario& scenario);

// The --set arguments as overrides. Throws InputError on one without "/pointer=".
std::vector<Override> parse_sets(const std::vector<std::string>& sets);

}  // namespace albsim
