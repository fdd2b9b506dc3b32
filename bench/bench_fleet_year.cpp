// End to end, one thread: scenarios/bench/fleet-year.json (100 ALBs x 3 AZs on 4 pools for a
// year, 60 s grid, diurnal demand with growth, weekly replacement) as written, with lognormal
// noise (sigma 0.1) on every ALB, and on one shared per-minute trace (the 1998 World Cup's
// requests and bytes, 87 days, looped; each ALB aligned elsewhere in it); and
// scenarios/bench/org-3y.json (1,000 ALBs for 3 years). The CSV at its default step goes to a
// byte counter. Reports the timeseries size and the process's peak resident memory.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <ostream>
#include <streambuf>

#include "albsim/load_scenario.hpp"
#include "albsim/scenario.hpp"
#include "albsim/simulation.hpp"
#include "report/timeseries_csv.hpp"

using namespace albsim;

namespace {

class CountingBuffer : public std::streambuf {
 public:
  std::size_t bytes = 0;

 protected:
  int_type overflow(int_type c) override {
    ++bytes;
    return c;
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<std::size_t>(n);
    return n;
  }
};

std::string bench_scenario(const std::string& name) {
  return std::string(ALBSIM_SOURCE_DIR) + "/scenarios/bench/" + name;
}

void run(benchmark::State& state, const Scenario& scenario) {
  std::size_t csv_bytes = 0;
  for (auto _ : state) {
    CountingBuffer buffer;
    std::ostream out(&buffer);
    TimeseriesCsv csv(out, scenario);
    SimulationOptions options;
    options.timeseries_step = default_timeseries_step(scenario.horizon);
    options.timeseries = &csv;
    benchmark::DoNotOptimize(simulate(scenario, options));
    csv_bytes = buffer.bytes;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["timeseries_MB"] = static_cast<double>(csv_bytes) / 1e6;
  state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_FleetYear(benchmark::State& state) {
  run(state, load_scenario(bench_scenario("fleet-year.json")));
}

void BM_FleetYearNoise(benchmark::State& state) {
  Scenario scenario = load_scenario(bench_scenario("fleet-year.json"));
  for (LoadBalancerSpec& lb : scenario.load_balancers) lb.demand.noise_sigma = 0.1;
  run(state, scenario);
}

void BM_FleetYearTrace(benchmark::State& state) {
  std::vector<Override> overrides;
  for (int i = 0; i < 100; ++i)
    overrides.push_back({"/load_balancers/" + std::to_string(i) + "/demand",
                         R"({"trace": {"file": "../../data/traffic/wc98/wc98_per_minute_utc.csv",
                       "lcu": {"requests_column": "requests", "bytes_column": "bytes",
                               "new_connections_per_request": 0.2},
                       "scale": 3, "loop": true, "align": ")" +
                             std::to_string(i * 37) + R"(m"}, "growth_per_30d": 0.01})"});
  run(state, load_scenario(bench_scenario("fleet-year.json"), overrides));
}

void BM_Org3y(benchmark::State& state) {
  run(state, load_scenario(bench_scenario("org-3y.json")));
}

}  // namespace

BENCHMARK(BM_FleetYear)->Unit(benchmark::kSecond)->Iterations(3);
BENCHMARK(BM_FleetYearNoise)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_FleetYearTrace)->Unit(benchmark::kSecond)->Iterations(3);
BENCHMARK(BM_Org3y)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK_MAIN();
