#include "differential/run_both.hpp"

#include "albsim/simulation.hpp"
#include "reference/compare_runs.hpp"

namespace albsim::test {
namespace {

class RowCollector final : public TimeseriesObserver {
 public:
  explicit RowCollector(std::vector<TimeseriesRow>& rows) : rows_(rows) {}
  void on_row(const TimeseriesRow& row) override { rows_.push_back(row); }

 private:
  std::vector<TimeseriesRow>& rows_;
};

}  // namespace

FastRun run_fast(const Scenario& scenario, SimTime timeseries_step, SimulationOptions options) {
  FastRun run;
  RowCollector rows(run.rows);
  options.check_invariants = true;
  options.timeseries_step = timeseries_step;
  options.timeseries = &rows;
  run.report = simulate(scenario, options);
  return run;
}

std::vector<std::string> differences(const FastRun& fast, const reference::ReferenceRun& plain) {
  std::vector<std::string> out = reference::report_differences(fast.report, plain.report);
  for (std::string& line : reference::timeseries_differences(fast.rows, plain.rows))
    out.push_back(std::move(line));
  return out;
}

}  // namespace albsim::test
