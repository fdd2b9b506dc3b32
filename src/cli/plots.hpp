// Drawing charts for a run by calling tools/plot/albsim_plot.py with Debian's /usr/bin/python3
// (environment: ALBSIM_PYTHON and ALBSIM_PLOT_SCRIPT override the interpreter and the script).
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "albsim/scenario.hpp"

namespace albsim {

// The plot script: ALBSIM_PLOT_SCRIPT when set, else share/albsim/albsim_plot.py or
// tools/plot/albsim_plot.py in the executable's folder or the nearest folder above it (the build
// puts a copy in <build>/share/albsim, an install in <prefix>/share/albsim). Throws InputError
// naming ALBSIM_PLOT_SCRIPT when there is none: commands look before they run, so --plot fails
// at once rather than after the work.
std::filesystem::path find_plot_script();

// `--plot-window FROM..TO` checked against `scenario` and given back in seconds from the start
// ("172800..259200"; an end left out stays empty): each end an ISO-8601 time (the scenario needs
// a `start`) or a duration from the start ("2d", "36h"), FROM before TO. Throws InputError.
std::string plot_window_seconds(const std::string& window, const Scenario& scenario);

// Draws the PNGs of the run (or plan) in `dir` with `script`, only `window` of the run when
// given (plot_window_seconds' form). Plots are optional: without matplotlib it says on `err`
// how to install it and returns; a script that fails is a warning on `err` naming it and
// ALBSIM_PLOT_SCRIPT. Neither changes the exit code.
void draw_plots(const std::filesystem::path& script, const std::filesystem::path& dir,
                std::ostream& out, std::ostream& err,
                const std::optional<std::string>& window = std::nullopt);

}  // namespace albsim
