// libFuzzer target: the command line itself, through the in-process CLI (run_cli). The input is
// argv after the program name, split at NUL bytes (at most 64 arguments). Every input must end in
// exit 0, or exit 2 with one line: never exit 1 (an internal error), a crash or a hang.
//
// It runs in a folder of its own holding a 1-hour scenario (s.json), a DNS log (dns.log) and a
// describe-load-balancers output (lbs.json), which the seeds (fuzz/seeds/cli) name; the folder is
// put back to just these before each input (reset_folder). So that it writes nowhere else, an
// input with an argument holding '/' (other than the value of --set or --shard) is skipped; so
// that it stays fast, so is `calibrate` (hundreds of runs per input; its options are observe's)
// and more than 8 replications or threads (bounded by the work limit, not a fault). --plot finds
// no plot script (ALBSIM_PLOT_SCRIPT names none): exit 2.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli.hpp"

namespace {

void write(const std::filesystem::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The folder's own files, by name and text.
struct Fixture {
  const char* name;
  const char* text;
};

constexpr Fixture kFixtures[] = {
    {"s.json", R"({"start": "2025-03-01T00:00:00Z", "horizon": "1h",
      "pools": [{"id": "corp", "source": "byoip", "cidrs": ["198.51.100.0/24"]},
                {"id": "p", "parent": "corp", "locale": "us-east-1",
                 "cidrs": ["198.51.100.0/29"]}],
      "load_balancers": [{"id": "web", "pool": "p", "azs": ["us-east-1a", "us-east-1b"],
                          "demand": {"constant": 30}, "replacement": {"mean": "20m"}}]})"},
    {"dns.log",
     "2025-03-01T00:00:00Z 198.51.100.1 198.51.100.2\n"
     "2025-03-01T00:30:00Z 198.51.100.1 198.51.100.3\n"
     "2025-03-01T01:00:00Z 198.51.100.3\n"},
    {"lbs.json", R"({"LoadBalancers": [{"LoadBalancerArn":
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188",
      "LoadBalancerName": "web", "Type": "application", "Scheme": "internet-facing",
      "IpAddressType": "ipv4", "AvailabilityZones": [{"ZoneName": "us-east-1a"},
      {"ZoneName": "us-east-1b"}]}]})"},
};

// Enters the folder, once.
bool entered() {
  static const bool done = [] {
    const auto dir =
        std::filesystem::temp_directory_path() / ("albsim-fuzz-cli-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::filesystem::current_path(dir);
    ::setenv("ALBSIM_PLOT_SCRIPT", (dir / "no-plot-script").c_str(), 1);
    return true;
  }();
  return done;
}

// Puts the folder back as every input finds it: the fixtures as written above (an input may
// have written over one, `-o s.json`), and nothing else, so that what one input wrote is not seen
// by the next (an input replays alone as it ran) and the folder does not grow over a run.
void reset_folder() {
  std::error_code ignored;
  for (const auto& entry : std::filesystem::directory_iterator(".", ignored)) {
    const std::string name = entry.path().filename().string();
    bool fixture = false;
    for (const Fixture& f : kFixtures) fixture = fixture || name == f.name;
    if (!fixture) std::filesystem::remove_all(entry.path(), ignored);
  }
  for (const Fixture& f : kFixtures) write(f.name, f.text);
}

// Whether `args` stays in the folder and is quick to run (see the file's comment).
bool admitted(const std::vector<std::string>& args) {
  if (!args.empty() && args.front() == "calibrate") return false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool not_a_path = (i > 0 && (args[i - 1] == "--set" || args[i - 1] == "--shard")) ||
                            a.rfind("--set=", 0) == 0 || a.rfind("--shard=", 0) == 0;
    if (!not_a_path && a.find('/') != std::string::npos) return false;
    for (const char* costly : {"--replications", "--threads"}) {
      std::string value;
      if (a == costly && i + 1 < args.size()) value = args[i + 1];
      if (a.rfind(std::string(costly) + "=", 0) == 0) value = a.substr(a.find('=') + 1);
      if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos &&
          (value.size() > 1 || value[0] > '8'))
        return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!entered()) return 0;
  std::vector<std::string> args = {"albsim"};
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (args.size() <= 64) {
    const std::size_t nul = rest.find('\0');
    args.emplace_back(rest.substr(0, nul));
    if (nul == std::string_view::npos) break;
    rest.remove_prefix(nul + 1);
  }
  if (!admitted({args.begin() + 1, args.end()})) return 0;
  reset_folder();
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int code = albsim::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  const std::string message = err.str();
  // Exit 2 ends with one "albsim: " line; warnings may come before it.
  const bool one_line =
      code != 2 || (message.size() > 8 && message.back() == '\n' &&
                    message.rfind("albsim: ") != std::string::npos &&
                    message.find('\n', message.rfind("albsim: ")) == message.size() - 1);
  if (code == 1 || !one_line || (code != 0 && code != 2)) {
    std::fprintf(stderr, "exit %d:\n%s\n", code, message.c_str());
    std::abort();
  }
  return 0;
}
