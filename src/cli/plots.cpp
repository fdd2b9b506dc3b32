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

// tools/plot/albsim_plot.py above the executable (ALBSIM_PLOT_SCRIPT overrides it).
std::filesystem::path plot_script() {
  if (const char* env = std::getenv("ALBSIM_PLOT_SCRIPT")) return env;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  for (auto dir = exe.parent_path(); !ec && !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path())
    if (std::filesystem::exists(dir / "tools/plot/albsim_plot.py"))
      return dir / "tools/plot/albsim_plot.py";
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
