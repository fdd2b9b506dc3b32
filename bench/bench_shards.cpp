// Beyond one machine (issue 14): the cost of sharding and merging, and MPI's speed-up.
//  - Unsharded vs FourShardsAndMerge: 1,000 replications of scenarios/amazon-29-random.json on
//    one thread, as one run or as 4 shards + merge; process CPU time (the overhead of shards).
//  - Merge100k: `albsim merge` of 100,000 replication records (4 shard files, made once before
//    timing: the same scenario cut to a 1-hour horizon).
//  - Mpirun/P: `mpirun -n P albsim run` of 4,000 replications, one thread per rank, wall time
//    (needs mpirun and the albsim executable built with MPI; skipped otherwise).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace {

const std::string kScenario = std::string(ALBSIM_SOURCE_DIR) + "/scenarios/amazon-29-random.json";
const std::filesystem::path kWork = std::filesystem::temp_directory_path() / "albsim-bench-shards";

// `albsim ARGS...` in this process; aborts the benchmark when it fails.
void albsim(benchmark::State& state, std::vector<std::string> args) {
  args.insert(args.begin(), "albsim");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  if (albsim::run_cli(static_cast<int>(argv.size()), argv.data(), out, err) != 0)
    state.SkipWithError(err.str().c_str());
}

void BM_Unsharded(benchmark::State& state) {
  for (auto _ : state)
    albsim(state, {"run", kScenario, "--replications", "1000", "--threads", "1", "-q", "--out",
                   (kWork / "whole").string()});
}

void BM_FourShardsAndMerge(benchmark::State& state) {
  const std::string dir = (kWork / "shards").string();
  for (auto _ : state) {
    for (int k = 0; k < 4; ++k)
      albsim(state, {"run", kScenario, "--replications", "1000", "--threads", "1", "-q", "--shard",
                     std::to_string(k) + "/4", "--out", dir});
    albsim(state, {"merge", dir, "-q", "--out", (kWork / "merged").string()});
  }
}

void BM_Merge100k(benchmark::State& state) {
  const std::string dir = (kWork / "shards-100k").string();
  for (int k = 0; k < 4; ++k)
    albsim(state, {"run", kScenario, "--replications", "100000", "--set", "/horizon=\"1h\"", "-q",
                   "--shard", std::to_string(k) + "/4", "--out", dir});
  for (auto _ : state)
    albsim(state, {"merge", dir, "-q", "--out", (kWork / "merged-100k").string()});
  state.counters["records"] = 100'000;
}

void BM_Mpirun(benchmark::State& state) {
  const std::string binary = std::string(ALBSIM_BINARY_DIR) + "/albsim";
  if (std::system("command -v mpirun >/dev/null") != 0) {
    state.SkipWithError("mpirun not found");
    return;
  }
  const std::string command =
      "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 mpirun --oversubscribe -n " +
      std::to_string(state.range(0)) + " " + binary + " run " + kScenario +
      " --replications 4000 --threads 1 -q --out " + (kWork / "mpi").string();
  for (auto _ : state)
    if (std::system(command.c_str()) != 0) state.SkipWithError("mpirun failed");
}

}  // namespace

BENCHMARK(BM_Unsharded)->Unit(benchmark::kSecond)->Iterations(3)->MeasureProcessCPUTime();
BENCHMARK(BM_FourShardsAndMerge)->Unit(benchmark::kSecond)->Iterations(3)->MeasureProcessCPUTime();
BENCHMARK(BM_Merge100k)->Unit(benchmark::kSecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_Mpirun)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->Iterations(3)->UseRealTime();
BENCHMARK_MAIN();
