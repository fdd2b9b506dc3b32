// libFuzzer target: albsim observe's readers. The first byte picks IPAM address history, an ENI
// snapshot or a DNS log; the rest is the file, written in this process's temporary folder. What
// is read is replayed over a fixed 3-day window of a 2-AZ load balancer on a /29 pool, with a
// timeseries. Any input must give a report or an InputError.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "observe/observe.hpp"
#include "observe/replay.hpp"

namespace {

class DiscardRows final : public albsim::TimeseriesObserver {
 public:
  void on_row(const albsim::TimeseriesRow&) override {}
};

const albsim::Scenario& scenario() {
  static const albsim::Scenario s = albsim::load_scenario_text(
      R"({"start": "2025-03-01T00:00:00Z", "horizon": "3d",
          "pools": [{"id": "corp", "source": "byoip", "cidrs": ["198.51.100.0/24"]},
                    {"id": "p", "parent": "corp", "locale": "us-east-1",
                     "cidrs": ["198.51.100.0/29"]}],
          "load_balancers": [{"id": "web", "pool": "p", "azs": ["us-east-1a", "us-east-1b"],
                              "demand": {"constant": 10}}]})",
      "fuzz.json");
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned choice = data[0] % 3;
  const auto path = std::filesystem::temp_directory_path() /
                    ("albsim-fuzz-" + std::to_string(::getpid()) +
                     (choice == 1 ? "-enis-2025-03-01T00:05:00Z.json" : "-observed"));
  std::ofstream(path, std::ios::binary)
      << std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1);
  albsim::ObserveRequest request;
  if (choice == 0) request.ipam_history = {path.string()};
  if (choice == 1) request.eni_snapshots = {path.string()};
  if (choice == 2) request.dns_log = path.string();
  try {
    const albsim::ObservedScenario observed = albsim::observed_scenario(scenario(), request);
    const albsim::Observation observation = albsim::read_observation(request, observed);
    DiscardRows rows;
    albsim::replay_observation(observed.scenario, observation, observed.window,
                               albsim::SimTime::from_seconds(300), &rows);
  } catch (const albsim::InputError&) {
  }
  return 0;
}
