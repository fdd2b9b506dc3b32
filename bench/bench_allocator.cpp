// The pool allocator: lowest-free allocation and release in large, fragmented pools.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "ipam/address_space.hpp"

using namespace albsim;

namespace {

Cidr slash16() {
  return *parse_cidr("100.64.0.0/16").cidr;
}

// Fill a /16 completely, then empty it: 65,536 allocations and releases.
void BM_FillAndDrainSlash16(benchmark::State& state) {
  for (auto _ : state) {
    AddressSpace space(1);
    space.provision(0, slash16());
    std::vector<std::uint32_t> held;
    held.reserve(65536);
    while (const auto a = space.allocate(0)) held.push_back(*a);
    for (const auto a : held) space.release(a);
    benchmark::DoNotOptimize(space.pool(0).free_count());
  }
  state.SetItemsProcessed(state.iterations() * 2 * 65536);
}

// Churn in a /16 held to a given occupancy with random releases: the free set fragments into
// many intervals, the worst case for an interval map.
void BM_ChurnFragmentedSlash16(benchmark::State& state) {
  const auto occupancy = static_cast<std::size_t>(state.range(0));
  AddressSpace space(1);
  space.provision(0, slash16());
  std::vector<std::uint32_t> held;
  for (std::size_t i = 0; i < occupancy; ++i) held.push_back(*space.allocate(0));
  std::mt19937_64 rng(7);
  for (auto _ : state) {
    std::uniform_int_distribution<std::size_t> pick(0, held.size() - 1);
    const std::size_t i = pick(rng);
    space.release(held[i]);
    held[i] = *space.allocate(0);
  }
  state.SetItemsProcessed(state.iterations() * 2);
  state.counters["free_intervals_bound"] = static_cast<double>(65536 - occupancy);
}

}  // namespace

// Random allocation of N addresses from a /8 (as `"allocation": "random"` reservations do): each
// pick fragments the free set, so a rank lookup that walked the intervals would cost O(N^2).
void BM_RandomAllocationSlash8(benchmark::State& state) {
  const auto n = static_cast<std::uint64_t>(state.range(0));
  for (auto _ : state) {
    AddressPool pool;
    pool.add_owned(1u << 24, {{0x0A000000u, 0x0AFFFFFFu}});
    std::mt19937_64 rng(7);
    for (std::uint64_t i = 0; i < n; ++i)
      benchmark::DoNotOptimize(pool.allocate_rank(rng() % pool.free_count()));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

BENCHMARK(BM_FillAndDrainSlash16)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ChurnFragmentedSlash16)->Arg(1024)->Arg(32768)->Arg(65000);
BENCHMARK(BM_RandomAllocationSlash8)
    ->Arg(4096)
    ->Arg(16384)
    ->Arg(65536)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
