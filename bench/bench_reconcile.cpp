// albsim reconcile on a year of hourly CUR lines for the 100 load balancers of the fleet-year
// scenario (876,000 InUseAddress rows, 206 MB): reading the bill, running the scenario's
// year with its charges, comparing. The target: under 10 s.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>

#include "albsim/load_scenario.hpp"
#include "finance/cur_writer.hpp"
#include "finance/reconcile.hpp"

using namespace albsim;

namespace {

// Each load balancer billed 3 in-use addresses every hour of 2026 (the scenario's year).
const std::string& year_bill(const Scenario& scenario) {
  static const std::string path = [&] {
    const std::string file =
        (std::filesystem::temp_directory_path() / "albsim-bench-cur-year.csv").string();
    std::ofstream out(file, std::ios::binary);
    out << test::kCurHeader;
    const std::int64_t start = *scenario.start_epoch_ms;
    std::size_t id = 0;
    for (std::int64_t hour = 0; hour < 8760; ++hour)
      for (const LoadBalancerSpec& lb : scenario.load_balancers)
        out << test::cur_row(++id, "USE1-PublicIPv4:InUseAddress", test::lb_arn(lb.id), 3, 0.015,
                             0.005, start + hour * 3'600'000, start + (hour + 1) * 3'600'000);
    return file;
  }();
  return path;
}

void ReconcileYearOfHourlyLines(benchmark::State& state) {
  const Scenario scenario =
      load_scenario(std::string(ALBSIM_SOURCE_DIR) + "/scenarios/bench/fleet-year.json");
  const std::string& bill_file = year_bill(scenario);
  double billed = 0;
  for (auto _ : state) {
    const Bill bill = read_bills({bill_file});
    const Reconciliation r = reconcile(scenario, bill, std::nullopt, std::nullopt);
    billed = r.total.billed_cost;
    benchmark::DoNotOptimize(r);
  }
  state.counters["rows"] = 876'000;
  state.counters["billed_usd"] = billed;
}
BENCHMARK(ReconcileYearOfHourlyLines)->Unit(benchmark::kSecond)->Iterations(1);

void ReadYearOfHourlyLines(benchmark::State& state) {
  const Scenario scenario =
      load_scenario(std::string(ALBSIM_SOURCE_DIR) + "/scenarios/bench/fleet-year.json");
  const std::string& bill_file = year_bill(scenario);
  for (auto _ : state) benchmark::DoNotOptimize(read_bills({bill_file}));
}
BENCHMARK(ReadYearOfHourlyLines)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
