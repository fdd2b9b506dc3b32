// The scaling grid that runs only where something can happen (issue 13): demand blocks must give
// the numbers a point-by-point sampling gives, the requirement bands must agree with the
// requirement everywhere, and neither the block size nor when the event queue drops stale node
// events may change a byte of the output.
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "alb/scaling_rules.hpp"
#include "albsim/report_output.hpp"
#include "core/calendar.hpp"
#include "core/step_integral.hpp"
#include "demand/demand_profile.hpp"
#include "demand/growth_cache.hpp"
#include "report/timeseries_csv.hpp"
#include "support.hpp"

using namespace albsim;

namespace {

// fill() over [first, first + n * step) in blocks of `block` points, against at() per point,
// compared bit for bit.
void check_fill_matches_at(const DemandProfile& p, SimTime first, SimTime step, std::size_t n,
                           std::size_t block) {
  std::vector<double> values(n);
  for (std::size_t done = 0; done < n; done += block) {
    const std::size_t count = std::min(block, n - done);
    const SimTime from = SimTime::from_ms(first.ms() + static_cast<std::int64_t>(done) * step.ms());
    p.fill(from, step, std::span<double>(values).subspan(done, count));
  }
  for (std::size_t i = 0; i < n; ++i) {
    const SimTime t = SimTime::from_ms(first.ms() + static_cast<std::int64_t>(i) * step.ms());
    INFO("point " << i << " at " << t.ms() << " ms");
    REQUIRE(std::bit_cast<std::uint64_t>(values[i]) == std::bit_cast<std::uint64_t>(p.at(t)));
  }
}

}  // namespace

TEST_CASE("a diurnal block is the per-point profile, bit for bit, across days and weekends") {
  DemandSpec spec;
  spec.kind = DemandSpec::Kind::diurnal;
  spec.diurnal = {50, 1.0, 13.5, 0.3};  // amplitude 1: the trough touches 0
  spec.growth_per_30d = 0.07;
  // A Friday 23:00 start that is not on a minute: grid points fall at :17.250 in every minute.
  const std::int64_t start = *parse_iso8601("2026-03-06T23:00:17.250Z");
  for (const std::size_t block : {1, 7, 1440, 5000}) {
    // 60 s divides a day (the precomputed day), 7 s does not (the formula), 400 ms off-grid.
    check_fill_matches_at(DemandProfile(spec, start, SimTime::from_seconds(60)),
                          SimTime::from_seconds(60), SimTime::from_seconds(60), 6000, block);
    check_fill_matches_at(DemandProfile(spec, start, SimTime::from_seconds(7)),
                          SimTime::from_seconds(7), SimTime::from_seconds(7), 6000, block);
    check_fill_matches_at(DemandProfile(spec, start, SimTime::from_seconds(60)),
                          SimTime::from_ms(400), SimTime::from_seconds(60), 3000, block);
  }
}

TEST_CASE("trace and steps blocks are the per-point profile: loops, gaps, before the first") {
  auto series = std::make_shared<TraceSeries>();
  series->times_ms = {0, 60'000, 120'000, 400'000, 460'000};  // a gap after 120 s
  series->values = {10, 20, 30, 40, 50};
  series->period_ms = 60'000;
  DemandSpec trace;
  trace.kind = DemandSpec::Kind::trace;
  trace.trace.series = series;
  trace.growth_per_30d = -0.2;
  for (const bool loop : {false, true})
    for (const std::int64_t align : {-95'000, 0, 130'000}) {  // starts before the first sample
      trace.trace.loop = loop;
      trace.trace.align_ms = align;
      const DemandProfile p(trace, kDefaultStartEpochMs, SimTime::from_seconds(45));
      for (const std::size_t block : {1, 3, 64, 1000})
        check_fill_matches_at(p, SimTime::from_seconds(45), SimTime::from_seconds(45), 900, block);
      // A step longer than the trace's cycle skips whole loops between points.
      check_fill_matches_at(p, SimTime::from_seconds(45), SimTime::from_seconds(1000), 300, 17);
    }
  DemandSpec steps;
  steps.kind = DemandSpec::Kind::steps;
  steps.steps = {{SimTime::from_seconds(100), 5},
                 {SimTime::from_seconds(101), 6},
                 {SimTime::from_seconds(3600), 0}};
  const DemandProfile p(steps, kDefaultStartEpochMs, SimTime::from_seconds(30));
  for (const std::size_t block : {1, 2, 500})
    check_fill_matches_at(p, SimTime::from_seconds(30), SimTime::from_seconds(30), 200, block);
}

TEST_CASE("shared growth factors are the profile's own exponentials") {
  GrowthCache cache;
  const double rate = std::log1p(0.03) / 2'592'000'000.0;
  for (const std::int64_t first : {60'000, 86'460'000, 60'000}) {  // a refill, then back
    const std::span<const double> f =
        cache.factors(rate, SimTime::from_ms(first), SimTime::from_seconds(60), 1440);
    REQUIRE(f.size() == 1440);
    for (std::size_t i = 0; i < f.size(); ++i)
      REQUIRE(f[i] ==
              growth_factor(rate, SimTime::from_ms(first + static_cast<std::int64_t>(i) * 60'000)));
  }
}

TEST_CASE("a demand band holds exactly the demands of its requirement") {
  // Capacities and shares that make the divisions inexact, reservations that floor the
  // requirement, and AZs down: every combination against required_nodes itself.
  std::mt19937_64 random(13);
  for (const double capacity : {25.0, 3.0, 0.7, 1e-3})
    for (const double reserved : {0.0, 100.0})
      for (const int healthy : {1, 2, 3}) {
        const RequirementInput in{Lcu(0), healthy, 3, Lcu(reserved), Lcu(capacity), 1, 20};
        for (int required = 0; required <= 21; ++required) {
          const DemandBand band = demand_band(in, required);
          auto r = [&](double d) {
            RequirementInput x = in;
            x.demand = Lcu(d);
            return required_nodes(x);
          };
          if (band.lo > band.hi) {  // empty: no demand has this requirement
            for (int i = 0; i < 2000; ++i)
              CHECK(r(std::ldexp(static_cast<double>(random() >> 11), -40)) != required);
            continue;
          }
          CHECK(r(band.lo) == required);
          CHECK(r(band.hi) == required);
          if (band.lo > 0) CHECK(r(std::nextafter(band.lo, 0.0)) != required);
          if (band.hi < std::numeric_limits<double>::max())
            CHECK(r(std::nextafter(band.hi, band.hi * 2)) != required);
          for (int i = 0; i < 200; ++i) {  // random demands inside and near the band
            const double span = band.hi < 1e12 ? band.hi - band.lo : 1e6;
            const double d = band.lo + (static_cast<double>(random() % 1'000'001) / 1e6) * span;
            CHECK(r(d) == required);
          }
        }
      }
}

namespace {

// The report and 7 s timeseries of the boundary test scenario over 3 replications, with options
// set by `tweak`. The scenario has events on, just before and just after the default block
// boundaries of each grid (60 s, 7 s, 45 s), surges, outages, reservations, maintenance, noise,
// low timers, random events, and nodes replaced or drained before their replacement is due.
std::string grid_boundaries_outputs(const std::function<void(SimulationOptions&)>& tweak) {
  const Scenario scenario =
      load_scenario(test::source_path("tests/golden/scenarios/grid-boundaries.json"));
  std::vector<Report> reports;
  std::ostringstream csv_text;
  for (std::uint64_t replication = 0; replication < 3; ++replication) {
    TimeseriesCsv csv(csv_text, scenario);
    SimulationOptions options;
    options.replication = replication;
    options.timeseries_step = SimTime::from_seconds(7);
    options.timeseries = &csv;
    options.check_invariants = replication == 0;
    tweak(options);
    reports.push_back(simulate(scenario, options));
  }
  return report_to_json(scenario, reports) + csv_text.str();
}

}  // namespace

TEST_CASE("no demand block size changes a byte of the report or the timeseries") {
  const std::string by_day = grid_boundaries_outputs([](SimulationOptions&) {});
  for (const std::size_t block : {1, 2, 59, 60, 61, 1439, 1441, 100'000}) {
    INFO("block of " << block << " points");
    CHECK(grid_boundaries_outputs([&](SimulationOptions& o) { o.demand_block_points = block; }) ==
          by_day);
  }
}

TEST_CASE("dropping stale node events from the queue changes no byte of the output") {
  // Never dropped, against dropped from the first pending event on (a queue of 1, 2, 4, ...
  // events), from 16 and from the default.
  const std::string kept =
      grid_boundaries_outputs([](SimulationOptions& o) { o.discard_stale_events_at = 0; });
  for (const std::size_t first : {1, 16, 4096}) {
    INFO("dropped from " << first << " pending events");
    CHECK(grid_boundaries_outputs(
              [&](SimulationOptions& o) { o.discard_stale_events_at = first; }) == kept);
  }
}

namespace {

struct Rows final : TimeseriesObserver {
  std::vector<TimeseriesRow> rows;
  void on_row(const TimeseriesRow& row) override { rows.push_back(row); }
};

// A 3-hour run of one load balancer over 2 AZs (25 LCU nodes) on a BYOIP /24, with demand
// `steps` and `cooldown`: its exposed nodes at every minute, invariants checked.
std::vector<std::uint64_t> exposed_per_minute(const nlohmann::json& steps,
                                              const std::string& cooldown) {
  const nlohmann::json d = {{"horizon", "3h"},
                            {"pools",
                             {{{"id", "p"},
                               {"source", "byoip"},
                               {"locale", "us-east-1"},
                               {"cidrs", {"203.0.113.0/24"}}}}},
                            {"load_balancers",
                             {{{"id", "lb"},
                               {"pool", "p"},
                               {"azs", {"az1", "az2"}},
                               {"scale_in_cooldown", cooldown},
                               {"demand", {{"steps", steps}}}}}}};
  const Scenario scenario = test::scenario_from(d);
  Rows rows;
  SimulationOptions options;
  options.timeseries_step = SimTime::from_seconds(60);
  options.timeseries = &rows;
  options.check_invariants = true;
  simulate(scenario, options);
  std::vector<std::uint64_t> exposed;
  for (const TimeseriesRow& row : rows.rows) exposed.push_back(row.load_balancers[0].exposed_nodes);
  return exposed;
}

}  // namespace

TEST_CASE("a low timer expires at the first grid point past the cooldown, inside a quiet stretch") {
  // 100 LCU over 2 AZs needs 2 nodes of 25 LCU in each until 1h, then 30 LCU needs 1. The timer
  // starts at the 1h grid point; nothing else happens, so every point until the drain is quiet.
  // Scale-in drains at the first point with now - since >= cooldown: 1h15m for 15m, 1h16m for
  // 15m30s (1h15m is 30 s short); drained nodes leave DNS at once.
  const nlohmann::json steps = nlohmann::json::array(
      {nlohmann::json::array({"0s", 100}), nlohmann::json::array({"1h", 30})});
  for (const auto& [cooldown, drain_minute] :
       std::vector<std::pair<std::string, int>>{{"15m", 75}, {"15m30s", 76}, {"1h59m", 179}}) {
    const std::vector<std::uint64_t> exposed = exposed_per_minute(steps, cooldown);
    REQUIRE(exposed.size() == 180);
    for (int minute = 0; minute < 180; ++minute) {
      INFO("cooldown " << cooldown << ", minute " << minute);
      CHECK(exposed[static_cast<std::size_t>(minute)] == (minute < drain_minute ? 4u : 2u));
    }
  }
}

TEST_CASE("a requirement flickering below the count restarts the low timer each time") {
  // 100 LCU over 2 AZs of 25 LCU nodes needs 2 per AZ, 40 LCU needs 1. From minute 60 the demand
  // alternates, 40 at even minutes and 100 at odd ones, until 40 holds from minute `settle` on:
  // each 40 starts the timers, each 100 stops them, so the drain (cooldown 15m) comes 15 minutes
  // after the last start, at minute settle + 15, whatever came before.
  for (const int settle : {60, 62, 90, 120}) {
    nlohmann::json steps = nlohmann::json::array({nlohmann::json::array({"0s", 100})});
    for (int minute = 60; minute < settle; ++minute)
      steps.push_back({std::to_string(minute) + "m", minute % 2 == 0 ? 40 : 100});
    steps.push_back({std::to_string(settle) + "m", 40});
    const std::vector<std::uint64_t> exposed = exposed_per_minute(steps, "15m");
    REQUIRE(exposed.size() == 180);
    for (int minute = 0; minute < 180; ++minute) {
      INFO("settling at minute " << settle << ", minute " << minute);
      CHECK(exposed[static_cast<std::size_t>(minute)] == (minute < settle + 15 ? 4u : 2u));
    }
  }
}

TEST_CASE("a traced integral is the one set() builds, after every sample") {
  // Runs of equal values (skipped by set_samples), zeros, and a start held since long before.
  std::mt19937_64 random(5);
  std::vector<double> values(500);
  for (double& v : values) v = static_cast<double>(random() % 4) * 0.37;
  const SimTime first = SimTime::from_ms(120'000), step = SimTime::from_ms(7'000);
  StepIntegral by_set;
  by_set.set(SimTime::from_ms(15'000), 0.37);
  std::vector<double> integral(values.size());
  std::vector<std::int32_t> changed(values.size());
  StepIntegral::trace(by_set.value(), by_set.progress(), first, step, values, integral, changed);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const SimTime t = SimTime::from_ms(first.ms() + static_cast<std::int64_t>(i) * step.ms());
    if (values[i] != by_set.value()) by_set.set(t, values[i]);
    const std::int64_t since = changed[i] < 0 ? 15'000 : first.ms() + changed[i] * step.ms();
    INFO("sample " << i);
    REQUIRE(std::bit_cast<std::uint64_t>(integral[i]) ==
            std::bit_cast<std::uint64_t>(by_set.progress().integral));
    REQUIRE(since == by_set.progress().since_ms);
  }
}
