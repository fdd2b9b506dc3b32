// albsim observe on a year of IPAM address history for 100 load balancers (fleet-year's demand,
// growth and weekly replacement, each load balancer on a /27 pool of its own so that the history
// names its load balancer by address), and on 30 days of ENI snapshots every 5 minutes (8,640
// files) for 10 of them. The records are a simulated run's, exported as AWS prints them (one page
// file per load balancer) into the temporary directory once; the timed part reads every file and
// replays it into a priced Report. Counters: records read, and peak resident memory.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>

#include "albsim/load_scenario.hpp"
#include "albsim/simulation.hpp"
#include "observe/export_observed.hpp"
#include "observe/observe.hpp"
#include "observe/replay.hpp"
#include "report/assemble_report.hpp"

using namespace albsim;

namespace {

double max_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// fleet-year's first `count` load balancers over `horizon`, each on a /27 of a BYOIP /20.
Scenario fleet_on_own_pools(std::size_t count, const char* horizon) {
  nlohmann::json s = nlohmann::json::parse(
      std::ifstream(std::string(ALBSIM_SOURCE_DIR) + "/scenarios/bench/fleet-year.json"));
  s["horizon"] = horizon;
  s["pools"] = {{{"id", "corp"}, {"source", "byoip"}, {"cidrs", {"198.18.0.0/20"}}}};
  s["load_balancers"].erase(s["load_balancers"].begin() + static_cast<std::ptrdiff_t>(count),
                            s["load_balancers"].end());
  for (std::size_t i = 0; i < count; ++i) {
    const std::string pool = "p" + std::to_string(i);
    s["pools"].push_back(
        {{"id", pool},
         {"parent", "corp"},
         {"locale", "us-east-1"},
         {"cidrs",
          {"198.18." + std::to_string(i / 8) + "." + std::to_string(i % 8 * 32) + "/27"}}});
    s["load_balancers"][i]["pool"] = pool;
  }
  return load_scenario_text(s.dump(), "fleet-own-pools.json");
}

struct Recorded {
  Scenario scenario;
  ObserveRequest request;
};

// The simulated year, exported once per process into `folder`.
Recorded record(std::size_t count, const char* horizon, const char* folder, bool snapshots) {
  Recorded r{fleet_on_own_pools(count, horizon), {}};
  const auto dir = std::filesystem::temp_directory_path() / folder;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  test::RecordingLog log;
  SimulationOptions options;
  options.address_log = &log;
  simulate(r.scenario, options);
  test::write_observation(r.request, dir, log, r.scenario, snapshots,
                          log.addresses().size() / count + 1);
  return r;
}

void run_observe(benchmark::State& state, const Recorded& recorded) {
  std::size_t records = 0;
  for (auto _ : state) {
    const ObservedScenario observed = observed_scenario(recorded.scenario, recorded.request);
    const Observation observation = read_observation(recorded.request, observed);
    records = observation.records;
    const Report report = assemble_report(
        observed.scenario,
        replay_observation(observed.scenario, observation, observed.window, SimTime(), nullptr));
    benchmark::DoNotOptimize(report.cost.total);
  }
  state.counters["records"] = static_cast<double>(records);
  state.counters["max_rss_mb"] = max_rss_mb();
}

void BM_ObserveIpamHistoryYear100(benchmark::State& state) {
  static const Recorded recorded = record(100, "365d", "albsim-bench-ipam-history", false);
  run_observe(state, recorded);
}

void BM_ObserveEniSnapshots30d10(benchmark::State& state) {
  static const Recorded recorded = record(10, "30d", "albsim-bench-eni-snapshots", true);
  run_observe(state, recorded);
}

}  // namespace

BENCHMARK(BM_ObserveIpamHistoryYear100)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ObserveEniSnapshots30d10)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_MAIN();
