// Replications: scenarios/amazon-29-random.json (a /29 Amazon block, 30 days, random launch
// delays, exponential replacement, noise, random surges and AZ outages), 1,000 replications on
// 1 and 2 threads. The speed-up from 1 to 2 threads is the ratio of the two times.
#include <benchmark/benchmark.h>

#include "albsim/load_scenario.hpp"
#include "albsim/scenario.hpp"
#include "albsim/simulation.hpp"

using namespace albsim;

namespace {

void BM_Replications(benchmark::State& state) {
  const Scenario scenario =
      load_scenario(std::string(ALBSIM_SOURCE_DIR) + "/scenarios/amazon-29-random.json");
  ReplicationOptions options;
  options.replications = 1000;
  options.threads = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(simulate_replications(scenario, options));
  state.counters["replications_per_s"] = benchmark::Counter(
      1000.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_Replications)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();
BENCHMARK_MAIN();
