// libFuzzer target: albsim observe's readers. The first byte picks IPAM address history, an ENI
// snapshot, a DNS log, a Public IP Insights discovery, or the `--enis` file that attributes a
// fixed IPAM history; the rest is the file, written in this process's temporary folder. What is
// read is cut to what the source covers (the window rule) and replayed over a fixed 3-day window
// of a 2-AZ load balancer on a /29 pool, with a timeseries. Any input must give a report or an
// InputError.
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

// An IPAM history of two ALB network interfaces and a NAT gateway's on the pool, for the
// `--enis` file to attribute.
std::string fixed_history() {
  static const std::string path = [] {
    const auto p = std::filesystem::temp_directory_path() /
                   ("albsim-fuzz-" + std::to_string(::getpid()) + "-history.json");
    std::ofstream(p) << R"({"HistoryRecords": [
      {"ResourceType": "network-interface", "ResourceId": "eni-1",
       "ResourceCidr": "198.51.100.1/32", "SampledStartTime": "2025-03-01T00:00:00Z",
       "SampledEndTime": "2025-03-01T06:00:00Z"},
      {"ResourceType": "network-interface", "ResourceId": "eni-2",
       "ResourceCidr": "198.51.100.2/32", "SampledStartTime": "2025-03-01T01:00:00Z"},
      {"ResourceType": "network-interface", "ResourceId": "eni-nat",
       "ResourceCidr": "198.51.100.3/32", "SampledStartTime": "2025-03-01T00:00:00Z"}]})";
    return p.string();
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned choice = data[0] % 5;
  const auto path = std::filesystem::temp_directory_path() /
                    ("albsim-fuzz-" + std::to_string(::getpid()) +
                     (choice == 1 ? "-enis-2025-03-01T00:05:00Z.json" : "-observed"));
  std::ofstream(path, std::ios::binary)
      << std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1);
  albsim::ObserveRequest request;
  if (choice == 0) request.ipam_history = {path.string()};
  if (choice == 1) request.eni_snapshots = {path.string()};
  if (choice == 2) request.dns_log = path.string();
  if (choice == 3) request.public_ips = {path.string()};
  if (choice == 4) {
    request.ipam_history = {fixed_history()};
    request.enis = {path.string()};
  }
  try {
    const albsim::ObservedScenario observed = albsim::observed_scenario(scenario(), request);
    const albsim::Observation observation = albsim::read_observation(request, observed);
    const albsim::Coverage coverage = albsim::coverage_of(observation, observed.window);
    const albsim::ObservedScenario covered = albsim::covered_scenario(observed, coverage);
    DiscardRows rows;
    albsim::replay_observation(covered.scenario, observation, covered.window,
                               albsim::SimTime::from_seconds(300), &rows);
  } catch (const albsim::InputError&) {
  }
  return 0;
}
