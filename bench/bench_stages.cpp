// Where one run's time goes, stage by stage, on scenarios/bench/fleet-year.json (100 ALBs, a year
// of 60 s grid points: 52.6 million): so the split is visible without a profiler.
// - DemandTrajectory: every load balancer's demand blocks (diurnal profile in one pass, shared
//   growth exponentials, the meter's demand integral traced over them) and their hand-over to
//   the meter (O(1) a stretch).
// - MetricsDemand: the meter's demand integral alone, point by point, over as many points (what
//   a hand-over costs while demand is being lost).
// - Requirement: the requirement of every point computed (required_nodes), against the demand
//   band test the look-ahead uses for the same points.
// - NoiseDraws: the lognormal multipliers of a noisy fleet-year, alone; HostGauge: the host's
//   speed, the same count of points through libm alone.
// - Events: the engine's queue, in bench_event_queue (the hold model).
// The whole run is bench_fleet_year.
#include <benchmark/benchmark.h>

#include <cmath>
#include <string>
#include <vector>

#include "alb/scaling_rules.hpp"
#include "albsim/load_scenario.hpp"
#include "core/lognormal.hpp"
#include "core/random_stream.hpp"
#include "demand/demand_driver.hpp"
#include "metrics/fleet_meter.hpp"
#include "sim/observer_taps.hpp"

using namespace albsim;

namespace {

const Scenario& fleet_year() {
  static const Scenario scenario =
      load_scenario(std::string(ALBSIM_SOURCE_DIR) + "/scenarios/bench/fleet-year.json");
  return scenario;
}

void BM_DemandTrajectory(benchmark::State& state) {
  const Scenario& scenario = fleet_year();
  std::int64_t points = 0;
  for (auto _ : state) {
    FleetMeter meter(scenario);
    MeterTap tap(scenario, meter, nullptr, nullptr);
    DemandDriver demand(scenario, 0, tap);
    const std::size_t lbs = scenario.load_balancers.size();
    for (std::size_t lb = 0; lb < lbs; ++lb) demand.sample_start(lb);
    // Block by block across the fleet, as a run refills them (each block's growth is shared).
    while (demand.next_point(0) < demand.end_point(0))
      for (std::size_t lb = 0; lb < lbs; ++lb) {
        demand.next_block(lb);
        points += demand.block_end(lb) - demand.next_point(lb);
        demand.consume_through(lb, demand.block_end(lb) - 1);
      }
    benchmark::DoNotOptimize(meter);
  }
  state.counters["time_per_point"] = benchmark::Counter(
      static_cast<double>(points), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_MetricsDemand(benchmark::State& state) {
  const Scenario& scenario = fleet_year();
  const SimTime step = SimTime::from_seconds(60);
  std::vector<double> block(1440);
  for (std::size_t i = 0; i < block.size(); ++i) block[i] = 40.0 + static_cast<double>(i % 97);
  std::int64_t points = 0;
  for (auto _ : state) {
    FleetMeter meter(scenario);
    for (std::size_t lb = 0; lb < scenario.load_balancers.size(); ++lb)
      for (std::int64_t first = 1; first < 525'600; first += 1440) {
        meter.demand_sampled(lb, SimTime::from_ms(first * step.ms()), step, block);
        points += 1440;
      }
    benchmark::DoNotOptimize(meter);
  }
  state.counters["time_per_point"] = benchmark::Counter(
      static_cast<double>(points), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// A year of one load balancer's demand (diurnal, 60 s points) against its requirement; arg 0
// computes required_nodes per point, arg 1 tests the band of the requirement last seen.
void BM_Requirement(benchmark::State& state) {
  std::vector<double> demand(525'600);
  for (std::size_t i = 0; i < demand.size(); ++i)
    demand[i] = 60 * (1 + 0.6 * std::cos(static_cast<double>(i) * 2 * 3.14159265 / 1440));
  RequirementInput in{Lcu(0), 3, 3, Lcu(0), Lcu(25), 1, 20};
  std::vector<DemandBand> bands;
  for (int r = 0; r <= 20; ++r) bands.push_back(demand_band(in, r));
  const bool by_band = state.range(0) == 1;
  for (auto _ : state) {
    int required = -1, changes = 0;
    for (const double d : demand) {
      if (by_band && required >= 0 && bands[static_cast<std::size_t>(required)].contains(d))
        continue;
      in.demand = Lcu(d);
      const int r = required_nodes(in);
      changes += r != required;
      required = r;
    }
    benchmark::DoNotOptimize(changes);
  }
  state.counters["time_per_point"] = benchmark::Counter(
      static_cast<double>(demand.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// Sums `multiplier(draws)` over a noisy fleet-year's 52.6 million points: a year of minutes on
// each of 100 load balancers' noise streams.
template <class Multiplier>
void time_fleet_year_points(benchmark::State& state, Multiplier multiplier) {
  std::int64_t points = 0;
  for (auto _ : state) {
    double sum = 0;
    for (std::size_t lb = 0; lb < 100; ++lb) {
      RandomStream draws(2027, 0, "load_balancers/lb" + std::to_string(lb) + "/noise");
      for (int i = 0; i < 525'600; ++i) sum += multiplier(draws);
      points += 525'600;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.counters["time_per_point"] = benchmark::Counter(
      static_cast<double>(points), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

constexpr double kSigma = 0.1;

// The lognormal noise multipliers as the demand driver draws them (core/lognormal.hpp): a day of
// minutes at a time, exp(sigma Z - sigma^2 / 2) with Z by the ziggurat and e^x by table_exp. This
// is the floor of a noisy run: one 64-bit draw and an exponential a point.
void BM_NoiseDraws(benchmark::State& state) {
  std::vector<double> day(1440);  // a year of minutes is 365 days: a block never spans two streams
  std::size_t used = day.size();
  time_fleet_year_points(state, [&](RandomStream& draws) {
    if (used == day.size()) {
      lognormal_multipliers(draws, kSigma, day);
      used = 0;
    }
    return day[used++];
  });
}

// The host's speed gauge (docs/performance.md): the same points through glibc's libm alone (a
// logarithm, a square root, a cosine and an exponential a point, Box-Muller's lognormal), no
// albsim code but the uniform draws. Its figure says how fast this hour is.
void BM_HostGauge(benchmark::State& state) {
  time_fleet_year_points(state, [](RandomStream& draws) {
    const double radius = std::sqrt(-2.0 * std::log(1.0 - draws.uniform01()));
    const double z = radius * std::cos(6.283185307179586 * draws.uniform01());
    return std::exp(kSigma * z - kSigma * kSigma / 2);
  });
}

}  // namespace

BENCHMARK(BM_DemandTrajectory)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_MetricsDemand)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Requirement)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NoiseDraws)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_HostGauge)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_MAIN();
