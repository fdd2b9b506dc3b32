// Drawing charts for a run by calling tools/plot/albsim_plot.py with Debian's /usr/bin/python3
// (environment: ALBSIM_PYTHON and ALBSIM_PLOT_SCRIPT override the interpreter and the script).
#pragma once

#include <filesystem>
#include <ostream>

namespace albsim {

// Draws the PNGs of the run in `dir`. Plots are optional: without matplotlib it says on `err`
// how to install it and returns; a failing script is reported on `err` too.
void draw_plots(const std::filesystem::path& dir, std::ostream& out, std::ostream& err);

}  // namespace albsim
