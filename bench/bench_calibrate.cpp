// albsim calibrate of one load balancer over 30 (and 14) days (3 AZs, diurnal demand with 10% noise
// per minute, replacement every 24 h): its addresses exported once as IPAM address history, and as
// ENI snapshots every 5 minutes (8,640 files), with its demand as a per-minute trace. The timed
// part is the whole command's work but writing: read the observation, replay it, and fit from
// AWS's defaults. Counters: the simulations the fit ran, and peak resident memory.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>

#include "albsim/load_scenario.hpp"
#include "albsim/simulation.hpp"
#include "calibrate/calibration.hpp"
#include "calibrate/observed_target.hpp"
#include "observe/export_observed.hpp"
#include "observe/observe.hpp"

using namespace albsim;
using Json = nlohmann::json;

namespace {

double max_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

Json scenario_with(const Json& demand, const char* horizon) {
  Json lb = {
      {"id", "web"}, {"azs", {"us-east-1a", "us-east-1b", "us-east-1c"}}, {"demand", demand}};
  return {{"start", "2025-03-03T00:00:00Z"},
          {"horizon", horizon},
          {"seed", 1},
          {"pools", Json::array()},
          {"load_balancers", {lb}}};
}

class DemandCollector final : public TimeseriesObserver {
 public:
  std::ofstream out;
  std::size_t row = 0;
  void on_row(const TimeseriesRow& r) override {
    out << row++ * 60 << "," << r.load_balancers[0].demand_lcu << "\n";
  }
};

struct Recorded {
  Scenario model;
  ObserveRequest request;
};

// The truth run, exported once per process into `folder`; the model reads its demand.
Recorded record(const char* folder, bool snapshots, const char* horizon) {
  const auto dir = std::filesystem::temp_directory_path() / folder;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  Json truth = scenario_with({{"diurnal", {{"base", 90}, {"amplitude", 0.7}, {"peak_hour", 14}}},
                              {"noise", {{"sigma", 0.1}}}},
                             horizon);
  truth["load_balancers"][0]["node_capacity_lcu"] = 8;
  truth["load_balancers"][0]["scale_in_cooldown"] = "10m";
  truth["load_balancers"][0]["replacement"] = {{"every", "24h"}};
  const Scenario scenario = load_scenario_text(truth.dump(), "truth.json");
  test::RecordingLog log;
  DemandCollector demand;
  demand.out.open(dir / "lcu.csv");
  demand.out << "t,lcu\n";
  SimulationOptions options;
  options.address_log = &log;
  options.timeseries = &demand;
  options.timeseries_step = SimTime::from_seconds(60);
  simulate(scenario, options);
  demand.out.close();

  Json model = scenario_with(
      {{"trace",
        {{"file", (dir / "lcu.csv").string()}, {"time_unit", "s"}, {"value_column", "lcu"}}}},
      horizon);
  model["load_balancers"][0]["replacement"] = {{"every", "30d"}};
  Recorded r{load_scenario_text(model.dump(), "model.json"), {}};
  test::write_observation(r.request, dir, log, scenario, snapshots, log.addresses().size() + 1);
  return r;
}

void run_calibrate(benchmark::State& state, const Recorded& recorded) {
  std::size_t simulations = 0;
  for (auto _ : state) {
    const ObservedScenario observed = observed_scenario(recorded.model, recorded.request);
    const Observation observation = read_observation(recorded.request, observed);
    const CalibrationTarget target =
        observed_target(observed.scenario, 0, observation, observed.window);
    const Calibration c = calibrate(observed.scenario, 0, target);
    simulations = c.fit.simulations;
    state.counters["capacity_lcu"] = c.fitted.node_capacity_lcu;  // the truth: 8
    benchmark::DoNotOptimize(c.fitted.node_capacity_lcu);
  }
  state.counters["simulations"] = static_cast<double>(simulations);
  state.counters["max_rss_mb"] = max_rss_mb();
}

void BM_CalibrateIpamHistory30d(benchmark::State& state) {
  static const Recorded recorded = record("albsim-bench-calibrate-ipam", false, "30d");
  run_calibrate(state, recorded);
}

void BM_CalibrateEniSnapshots30d(benchmark::State& state) {
  static const Recorded recorded = record("albsim-bench-calibrate-eni", true, "30d");
  run_calibrate(state, recorded);
}

void BM_CalibrateIpamHistory14d(benchmark::State& state) {
  static const Recorded recorded = record("albsim-bench-calibrate-ipam-14d", false, "14d");
  run_calibrate(state, recorded);
}

void BM_CalibrateEniSnapshots14d(benchmark::State& state) {
  static const Recorded recorded = record("albsim-bench-calibrate-eni-14d", true, "14d");
  run_calibrate(state, recorded);
}

}  // namespace

BENCHMARK(BM_CalibrateIpamHistory30d)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_CalibrateEniSnapshots30d)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_CalibrateIpamHistory14d)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_CalibrateEniSnapshots14d)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_MAIN();
