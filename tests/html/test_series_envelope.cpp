// The envelope behind the HTML report's charts: every peak kept, whatever the sample step, and
// each column's extremes equal to what the run's other measurements say.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "albsim/simulation.hpp"
#include "html/chart_columns.hpp"
#include "report/series_envelope.hpp"
#include "support.hpp"

namespace albsim {
namespace {

// timeseries_envelope.csv of one run, read back as the page reads it.
ChartColumns envelope_of(const Scenario& scenario, const std::string& name) {
  SeriesEnvelope envelope(scenario);
  SimulationOptions options;
  options.changes = &envelope;
  options.demand_log = &envelope;
  options.check_invariants = true;
  simulate(scenario, options);
  const test::ScratchFolder folder(name);
  std::ostringstream csv;
  envelope.write_csv(csv);
  folder.write("timeseries_envelope.csv", csv.str());
  return read_chart_columns(folder.dir, scenario.horizon.seconds());
}

double highest(const ChartSeries& s) {
  return *std::max_element(s.high.begin(), s.high.end());
}

// Rows at a fixed step, kept whole.
struct Rows final : TimeseriesObserver {
  std::vector<TimeseriesRow> rows;
  void on_row(const TimeseriesRow& row) override { rows.push_back(row); }
};

}  // namespace

TEST_CASE("a peak of two seconds between one-minute samples stays in its column", "[html]") {
  // One node per AZ (30 LCU over 3 AZs, 25 per node). At 30m31s AWS replaces all three: the new
  // nodes launch (1 s), then the old ones drain (1 s) and give their addresses back, so the pool
  // holds 6 addresses from 1831 s to 1833 s and 3 at every other time: half of the 2 s columns
  // [1830, 1832) and [1832, 1834) each.
  const Scenario scenario = test::scenario_from(nlohmann::json::parse(R"({
    "name": "blip", "horizon": "1h",
    "pools": [{"id": "p", "source": "amazon", "locale": "us-east-1", "netmask_length": 29}],
    "load_balancers": [{"id": "web", "pool": "p", "azs": ["use1-az1", "use1-az2", "use1-az4"],
                        "demand": {"constant": 30}, "launch_delay": "1s", "drain_time": "1s"}],
    "events": [{"at": "30m31s", "type": "maintenance", "lb": "web", "fraction": 1.0}]})"));
  Rows samples;
  SimulationOptions sampled;
  sampled.timeseries_step = SimTime::from_seconds(60);
  sampled.timeseries = &samples;
  simulate(scenario, sampled);
  for (const TimeseriesRow& row : samples.rows) CHECK(row.pool_in_use[0] == 3);  // missed

  const ChartColumns chart = envelope_of(scenario, "blip");  // read back from the CSV
  REQUIRE(chart.exact);
  CHECK(chart.width_s == 2);  // 3600 s in at most 2000 columns: 2 s each
  const ChartSeries* in_use = chart.find("pool:p:in_use");
  REQUIRE(in_use != nullptr);
  for (std::size_t c = 0; c < chart.t_s.size(); ++c) {
    const bool blip = chart.t_s[c] == 1830 || chart.t_s[c] == 1832;
    CHECK(in_use->high[c] == (blip ? 6 : 3));
    CHECK(in_use->low[c] == 3);
  }
  const ChartSeries* capacity = chart.find("pool:p:capacity");
  REQUIRE(capacity != nullptr);
  CHECK(highest(*capacity) == 8);  // a /29
  const ChartSeries* lcu = chart.find("lb:web:capacity_lcu");
  REQUIRE(lcu != nullptr);
  CHECK(highest(*lcu) == 75);  // 3 nodes in DNS x 25 LCU (replacements join as the old leave)
}

TEST_CASE("every example's envelope agrees with the report's peaks and every demand point",
          "[html]") {
  for (const char* file :
       {"scenarios/quickstart.json", "scenarios/az-outage.json", "scenarios/amazon-29-random.json",
        "scenarios/wc98-semifinals.json", "scenarios/pool-migration.json"}) {
    INFO(file);
    const Scenario scenario = load_scenario(test::source_path(file));
    const ChartColumns chart = envelope_of(scenario, "examples");
    const Report report = test::run_checked(scenario);
    // The meter's own peaks (report.json) are the envelope's highest values.
    for (std::size_t p = 0; p < scenario.pools.size(); ++p)
      CHECK(highest(*chart.find("pool:" + scenario.pools[p].id + ":in_use")) ==
            static_cast<double>(report.pools[p].peak_in_use));
    for (std::size_t lb = 0; lb < scenario.load_balancers.size(); ++lb) {
      const std::string prefix = "lb:" + scenario.load_balancers[lb].id + ":";
      CHECK(highest(*chart.find(prefix + "pool_addresses")) ==
            static_cast<double>(report.load_balancers[lb].addresses.peak_pool));
      CHECK(highest(*chart.find(prefix + "managed_addresses")) ==
            static_cast<double>(report.load_balancers[lb].addresses.peak_managed));
    }
    // Demand sampled at every grid point, folded by hand into the envelope's columns: the same
    // lowest and highest in every column (six significant digits, as the CSV writes them).
    const SimTime interval = scenario.load_balancers.front().evaluation_interval;
    for (const LoadBalancerSpec& lb : scenario.load_balancers)
      REQUIRE(lb.evaluation_interval == interval);
    Rows grid;
    SimulationOptions options;
    options.timeseries_step = interval;
    options.timeseries = &grid;
    simulate(scenario, options);
    for (std::size_t lb = 0; lb < scenario.load_balancers.size(); ++lb) {
      const ChartSeries& demand =
          *chart.find("lb:" + scenario.load_balancers[lb].id + ":demand_lcu");
      std::vector<double> low(chart.t_s.size(), INFINITY), high(chart.t_s.size(), -INFINITY);
      for (const TimeseriesRow& row : grid.rows) {
        const auto c = static_cast<std::size_t>(row.t.seconds() / chart.width_s);
        low[c] = std::min(low[c], row.load_balancers[lb].demand_lcu);
        high[c] = std::max(high[c], row.load_balancers[lb].demand_lcu);
      }
      for (std::size_t c = 0; c < chart.t_s.size(); ++c) {
        CHECK(demand.low[c] == Approx(low[c]).epsilon(1e-5));
        CHECK(demand.high[c] == Approx(high[c]).epsilon(1e-5));
      }
    }
  }
}

}  // namespace albsim
