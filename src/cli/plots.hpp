// Drawing charts for a run by calling tools/plot/albsim_plot.py with Debian's /usr/bin/python3
// (environment: ALBSIM_PYTHON and ALBSIM_PLOT_SCRIPT override the interpreter and the script).
#pragma once

#include <filesystem>
#include <ostream>

namespace albsim {

// The plot script: ALBSIM_PLOT_SCRIPT when set, else share/albsim/albsim_plot.py or
// tools/plot/albsim_plot.py in the executable's folder or the nearest folder above it (the build
// puts a copy in <build>/share/albsim, an install in <prefix>/share/albsim). Throws InputError
// naming ALBSIM_PLOT_SCRIPT when there is none: commands look before they run, so --plot fails
// at once rather than after the work.
std::filesystem::path find_plot_script();

// Draws the PNGs of the run (or plan) in `dir` with `script`. Plots are optional: without
// matplotlib it says on `err` how to install it and returns; a script that fails is a warning
// on `err` naming it and ALBSIM_PLOT_SCRIPT. Neither changes the exit code.
void draw_plots(const std::filesystem::path& script, const std::filesystem::path& dir,
                std::ostream& out, std::ostream& err);

}  // namespace albsim
