#include "cli/plots.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include "albsim/input_error.hpp"
#include "albsim/sim_time.hpp"
#include "core/calendar.hpp"

namespace albsim {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// One end of the window in milliseconds from the start.
std::int64_t window_end_ms(const std::string& window, const std::string& end,
                           const Scenario& scenario) {
  if (const auto epoch = parse_iso8601(end)) {
    if (!scenario.start_epoch_ms)
      throw InputError("--plot-window", window,
                       "an ISO-8601 time needs a scenario with a \"start\"; give a duration "
                       "from the start, like 2d or 36h");
    return *epoch - *scenario.start_epoch_ms;
  }
  if (const auto duration = parse_duration(end)) return duration->ms();
  throw InputError("--plot-window", window,
                   "\"" + end + "\" is neither an ISO-8601 time nor a duration (like 2d12h)");
}

std::string seconds_text(std::int64_t ms) {
  std::string text = std::to_string(ms / 1000);
  if (ms % 1000 != 0) {
    text += '.';
    text += std::to_string(1000 + ms % 1000).substr(1);
  }
  return text;
}

}  // namespace

std::string plot_window_seconds(const std::string& window, const Scenario& scenario) {
  const std::size_t dots = window.find("..");
  if (dots == std::string::npos)
    throw InputError("--plot-window", window, "give FROM..TO, like 2d..3d or ..36h");
  const std::string from = window.substr(0, dots), to = window.substr(dots + 2);
  const bool bounded_below = !from.empty(), bounded_above = !to.empty();
  const std::int64_t low = bounded_below ? window_end_ms(window, from, scenario) : 0;
  const std::int64_t high = bounded_above ? window_end_ms(window, to, scenario) : 0;
  if (bounded_below && low < 0)
    throw InputError("--plot-window", window, "starts before the scenario's start");
  if (bounded_below && bounded_above && high <= low)
    throw InputError("--plot-window", window, "the end is not after the start");
  if (bounded_below && low >= scenario.horizon.ms())
    throw InputError("--plot-window", window, "starts at or after the horizon");
  if (bounded_above && high > scenario.horizon.ms())
    throw InputError("--plot-window", window,
                     "ends after the run's horizon (" + format_duration(scenario.horizon) +
                         "); the window must lie within the run");
  std::string seconds = bounded_below ? seconds_text(low) : std::string();
  seconds += "..";
  if (bounded_above) seconds += seconds_text(high);
  return seconds;
}

std::filesystem::path find_plot_script() {
  std::error_code ec;
  if (const char* env = std::getenv("ALBSIM_PLOT_SCRIPT")) {
    if (!std::filesystem::is_regular_file(env, ec))
      throw InputError("ALBSIM_PLOT_SCRIPT", env,
                       "is not a file; point it at albsim_plot.py (tools/plot/ in the source, "
                       "share/albsim/ when installed), or unset it");
    return env;
  }
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  for (auto dir = exe.parent_path(); !ec && !dir.empty(); dir = dir.parent_path()) {
    for (const char* place : {"share/albsim/albsim_plot.py", "tools/plot/albsim_plot.py"}) {
      std::error_code missing;  // not found here: look further up
      if (std::filesystem::is_regular_file(dir / place, missing)) return dir / place;
    }
    if (dir == dir.root_path()) break;
  }
  throw InputError("--plot", "",
                   "albsim_plot.py is not in share/albsim/ beside or above " + exe.string() +
                       " (cmake --install puts it there); set ALBSIM_PLOT_SCRIPT to its path");
}

void draw_plots(const std::filesystem::path& script, const std::filesystem::path& dir,
                std::ostream& out, std::ostream& err, const std::optional<std::string>& window) {
  // Debian's interpreter sees Debian's matplotlib; ALBSIM_PYTHON overrides it.
  const char* override_python = std::getenv("ALBSIM_PYTHON");
  const std::string python = override_python ? override_python : "/usr/bin/python3";
  if (std::system((python + " -c 'import matplotlib' 2>/dev/null").c_str()) != 0) {
    err << "albsim: --plot needs Debian's matplotlib: sudo apt-get install python3-matplotlib\n";
    return;
  }
  out.flush();
  std::string command =
      python + " " + shell_quote(script.string()) + " " + shell_quote(dir.string());
  if (window) command += " --window " + shell_quote(*window);
  const int status = std::system(command.c_str());
  if (status != 0)
    err << "albsim: warning: the plot script " << script.string() << " failed (exit status "
        << (WIFEXITED(status) ? WEXITSTATUS(status) : status)
        << "); the outputs are written, some charts may be missing; ALBSIM_PLOT_SCRIPT chooses "
           "another script\n";
}

}  // namespace albsim
