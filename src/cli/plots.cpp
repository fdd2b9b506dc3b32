#include "cli/plots.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include "albsim/input_error.hpp"

namespace albsim {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

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
                std::ostream& out, std::ostream& err) {
  // Debian's interpreter sees Debian's matplotlib; ALBSIM_PYTHON overrides it.
  const char* override_python = std::getenv("ALBSIM_PYTHON");
  const std::string python = override_python ? override_python : "/usr/bin/python3";
  if (std::system((python + " -c 'import matplotlib' 2>/dev/null").c_str()) != 0) {
    err << "albsim: --plot needs Debian's matplotlib: sudo apt-get install python3-matplotlib\n";
    return;
  }
  out.flush();
  const std::string command =
      python + " " + shell_quote(script.string()) + " " + shell_quote(dir.string());
  const int status = std::system(command.c_str());
  if (status != 0)
    err << "albsim: warning: the plot script " << script.string() << " failed (exit status "
        << (WIFEXITED(status) ? WEXITSTATUS(status) : status)
        << "); the outputs are written, some charts may be missing; ALBSIM_PLOT_SCRIPT chooses "
           "another script\n";
}

}  // namespace albsim
