// albsim plan over 7 BYOIP netmasks (/24../30), 4 Amazon options (/29 and /30, 1 or 2 blocks)
// and managed-only, 200 replications each, 30 days, one 3-AZ ALB, on every core:
//   plan_3az          scenarios/plan-3az.json (constant demand, surges, outages, replacement)
//   amazon_29_random  scenarios/amazon-29-random.json (diurnal demand with noise as well)
// each with the sequential test (the default) and with every candidate run to 200.
#include <benchmark/benchmark.h>

#include "albsim/plan.hpp"

using namespace albsim;

namespace {

void BM_Plan(benchmark::State& state, const char* scenario, const char* pool, bool early_stop) {
  PlanOptions options;
  options.scenario_path = std::string(ALBSIM_SOURCE_DIR) + "/scenarios/" + scenario;
  options.pool = pool;
  options.replications = 200;
  options.early_stop = early_stop;
  int runs = 0;
  for (auto _ : state) {
    const PlanResult result = plan(options);
    runs = 0;
    for (const CandidateResult& c : result.candidates) runs += c.replications;
  }
  state.counters["simulated_runs"] = runs;
}

// One timed iteration in seconds of wall time (the planner uses every core).
void once_in_seconds(benchmark::internal::Benchmark* b) {
  b->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();
}

}  // namespace

BENCHMARK_CAPTURE(BM_Plan, plan_3az, "plan-3az.json", "edge", true)->Apply(once_in_seconds);
BENCHMARK_CAPTURE(BM_Plan, plan_3az_no_early_stop, "plan-3az.json", "edge", false)
    ->Apply(once_in_seconds);
BENCHMARK_CAPTURE(BM_Plan, amazon_29_random, "amazon-29-random.json", "contig", true)
    ->Apply(once_in_seconds);
BENCHMARK_CAPTURE(BM_Plan, amazon_29_random_no_early_stop, "amazon-29-random.json", "contig", false)
    ->Apply(once_in_seconds);
BENCHMARK_MAIN();
