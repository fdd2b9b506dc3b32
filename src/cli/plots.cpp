#include "cli/plots.hpp"

#include <cstdlib>
#include <string>

namespace albsim {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The plot script (ALBSIM_PLOT_SCRIPT overrides it): share/albsim/albsim_plot.py or
// tools/plot/albsim_plot.py in the executable's folder or the nearest folder above it. The build
// puts a copy in <build>/share/albsim, an install in <prefix>/share/albsim, and a source tree has
// tools/plot.
std::filesystem::path plot_script() {
  if (const char* env = std::getenv("ALBSIM_PLOT_SCRIPT")) return env;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  for (auto dir = exe.parent_path(); !ec && !dir.empty(); dir = dir.parent_path()) {
    for (const char* place : {"share/albsim/albsim_plot.py", "tools/plot/albsim_plot.py"})
      if (std::filesystem::exists(dir / place)) return dir / place;
    if (dir == dir.root_path()) break;
  }
  return "tools/plot/albsim_plot.py";
}

}  // namespace

void draw_plots(const std::filesystem::path& dir, std::ostream& out, std::ostream& err) {
  // Debian's interpreter sees Debian's matplotlib; ALBSIM_PYTHON overrides it.
  const char* override_python = std::getenv("ALBSIM_PYTHON");
  const std::string python = override_python ? override_python : "/usr/bin/python3";
  if (std::system((python + " -c 'import matplotlib' 2>/dev/null").c_str()) != 0) {
    err << "albsim: --plot needs Debian's matplotlib: sudo apt-get install python3-matplotlib\n";
    return;
  }
  out.flush();
  const std::string command =
      python + " " + shell_quote(plot_script().string()) + " " + shell_quote(dir.string());
  if (std::system(command.c_str()) != 0) err << "albsim: the plot script failed\n";
}

}  // namespace albsim
