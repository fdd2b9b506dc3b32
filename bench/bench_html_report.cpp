// The HTML report's cost on scenarios/bench/fleet-year.json (100 ALBs x 3 AZs for a year): the
// run with the envelope kept (SimulationOptions::changes and demand_log; compare
// bench_fleet_year's run without it) and its CSV's size, and writing report.html from the
// folder (reading the envelope, the page's data, the inlined library) and the page's size.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <sstream>

#include "albsim/load_scenario.hpp"
#include "albsim/simulation.hpp"
#include "distribute/peers.hpp"
#include "distribute/run_job.hpp"
#include "html/report_html.hpp"
#include "report/series_envelope.hpp"
#include "report/timeseries_csv.hpp"

using namespace albsim;

namespace {

std::string fleet_year_path() {
  return std::string(ALBSIM_SOURCE_DIR) + "/scenarios/bench/fleet-year.json";
}

void BM_FleetYearWithEnvelope(benchmark::State& state) {
  const Scenario scenario = load_scenario(fleet_year_path());
  std::size_t bytes = 0;
  for (auto _ : state) {
    SeriesEnvelope envelope(scenario);
    SimulationOptions options;
    options.changes = &envelope;
    options.demand_log = &envelope;
    benchmark::DoNotOptimize(simulate(scenario, options));
    std::ostringstream csv;
    envelope.write_csv(csv);
    bytes = csv.str().size();
  }
  state.counters["envelope_MB"] = static_cast<double>(bytes) / 1e6;
}

void BM_WriteReportPage(benchmark::State& state) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "albsim-bench-html-report";
  std::filesystem::remove_all(dir);
  {
    std::ostringstream quiet;
    const ScenarioInput input = load_scenario_input(fleet_year_path(), {}, quiet);
    RunJob job{fleet_year_path(),
               {},
               dir,
               std::nullopt,
               default_timeseries_step(input.scenario.horizon),
               1,
               false,
               true,
               {}};
    run_job(input, job, this_process_alone());
  }
  for (auto _ : state) benchmark::DoNotOptimize(write_report_html(dir));
  state.counters["page_MB"] =
      static_cast<double>(std::filesystem::file_size(dir / "report.html")) / 1e6;
  std::filesystem::remove_all(dir);
}

}  // namespace

BENCHMARK(BM_FleetYearWithEnvelope)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_WriteReportPage)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK_MAIN();
