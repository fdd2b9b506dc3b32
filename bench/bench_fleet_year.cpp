// End to end: scenarios/bench/fleet-year.json, 100 ALBs x 3 AZs on 4 pools for a year, 60 s
// grid, diurnal demand with growth, weekly replacement; the CSV at its default step (1h) goes to
// a byte counter. Reports the timeseries size and the process's peak resident memory.
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

void BM_FleetYear(benchmark::State& state) {
  const Scenario scenario =
      load_scenario(std::string(ALBSIM_SOURCE_DIR) + "/scenarios/bench/fleet-year.json");
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

}  // namespace

BENCHMARK(BM_FleetYear)->Unit(benchmark::kSecond)->Iterations(3);
BENCHMARK_MAIN();
