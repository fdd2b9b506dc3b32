// History as uncertainty: a trace's random align and block bootstrap, each on its own stream,
// checked against closed forms (tolerances from the distributions, not from the output).
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "albsim/load_scenario.hpp"
#include "albsim/simulation.hpp"
#include "core/calendar.hpp"
#include "demand/trace_draw.hpp"
#include "support.hpp"

using namespace albsim;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kHourMs = 3'600'000;
// 2026-11-23T00:00Z, a Monday.
const std::int64_t kMonday = *parse_iso8601("2026-11-23T00:00Z");

// `days` days (a week by default) of hourly samples from Monday 00:00 UTC: 10 LCU, and `spike`
// LCU all day on the days listed.
std::string week_trace(const std::set<int>& spike_days, double spike, int days = 7) {
  std::string text = "hour,lcu\n";
  for (int h = 0; h < days * 24; ++h)
    text += format_iso8601_utc(kMonday + h * kHourMs) + "," +
            std::to_string(spike_days.count(h / 24) ? spike : 10.0) + "\n";
  return text;
}

// One load balancer on a /30 (4 addresses) replaying `trace` over 7 days from a Monday: 10 LCU
// needs 1 node per AZ (2 addresses), 300 LCU needs 6 per AZ (12): a spike day is a breach.
json week_scenario(const std::string& trace_file, const json& trace_extra, int replications) {
  json trace = {{"file", trace_file}, {"value_column", "lcu"}};
  trace.update(trace_extra);
  return {
      {"region", "us-east-1"},
      {"start", "2026-11-23T00:00:00Z"},
      {"horizon", "7d"},
      {"seed", 11},
      {"replications", replications},
      {"pools", json::array({{{"id", "corp"}, {"source", "byoip"}, {"cidrs", {"203.0.113.0/24"}}},
                             {{"id", "use1"},
                              {"parent", "corp"},
                              {"locale", "us-east-1"},
                              {"cidrs", {"203.0.113.0/30"}}}})},
      {"load_balancers", json::array({{{"id", "web"},
                                       {"pool", "use1"},
                                       {"azs", {"az1", "az2"}},
                                       {"demand", {{"trace", trace}}}}})}};
}

Scenario write_and_load(const std::string& trace_text, const json& trace_extra, int replications) {
  const fs::path dir = test::fresh_scratch_dir("trace-draws");
  fs::create_directories(dir);
  std::ofstream(dir / "week.csv") << trace_text;
  std::ofstream(dir / "s.json") << week_scenario("week.csv", trace_extra, replications).dump();
  return load_scenario((dir / "s.json").string());
}

}  // namespace

TEST_CASE("a bootstrap of days draws the one spike day with probability 1 - (6/7)^7") {
  const int n = 1000;
  const Scenario s = write_and_load(week_trace({3}, 300), {{"bootstrap", {{"block", "1d"}}}}, n);
  REQUIRE(has_random_timing(s));
  ReplicationOptions options;
  options.replications = n;
  const std::vector<Report> runs = simulate_replications(s, options);
  int breached = 0;
  for (const Report& r : runs)
    breached += r.load_balancers[0].allowlist->breach_episodes > 0 ? 1 : 0;
  const double p = 1 - std::pow(6.0 / 7.0, 7);               // 0.6601
  const double standard_error = std::sqrt(p * (1 - p) / n);  // 0.0150
  CHECK(std::abs(breached / static_cast<double>(n) - p) < 4 * standard_error);
  // The fixed trace plays the spike day every time: certainty, as before.
  const Scenario fixed = write_and_load(week_trace({3}, 300), json::object(), 1);
  CHECK(simulate(fixed, {}).load_balancers[0].allowlist->breach_episodes > 0);
}

TEST_CASE("weekdays come from weekdays: a weekend spike never lands on a weekday") {
  // Spikes on Saturday and Sunday (days 5, 6) only. With `weekdays`, horizon days 0-4 draw from
  // the five weekdays and days 5-6 from the two weekend days: every draw of a weekend day is a
  // spike, every weekday is not.
  const Scenario s = write_and_load(week_trace({5, 6}, 300),
                                    {{"bootstrap", {{"block", "1d"}, {"weekdays", true}}}}, 1);
  const TraceSpec& trace = s.load_balancers[0].demand.trace;
  REQUIRE(trace.bootstrap);
  CHECK(trace.bootstrap->weekday_blocks.size() == 5);
  CHECK(trace.bootstrap->weekend_blocks.size() == 2);
  for (std::uint64_t replication = 0; replication < 200; ++replication) {
    const TraceDraw draw =
        draw_trace(trace, "web", kMonday, SimTime::from_seconds(60), s.seed, replication);
    REQUIRE(draw.bootstrap);
    for (std::int64_t day = 0; day < 7; ++day) {
      const bool weekend_block = utc_day_position(draw.bootstrap->block_start(day)).weekend;
      CHECK(weekend_block == (day >= 5));
    }
  }
  // Monday to Friday only: nothing to draw a weekend day from.
  CHECK_THROWS_WITH(write_and_load(week_trace({}, 10, 5),
                                   {{"bootstrap", {{"block", "1d"}, {"weekdays", true}}}}, 1),
                    Catch::Contains("no whole weekend day"));
  // A block shorter than a minute (or the evaluation interval) means nothing on the grid.
  CHECK_THROWS_WITH(write_and_load(week_trace({}, 10), {{"bootstrap", {{"block", "30s"}}}}, 1),
                    Catch::Contains("at least 1 minute and at least the evaluation interval"));
}

TEST_CASE("a random align is uniform over the trace's span in whole intervals") {
  const Scenario s = write_and_load(week_trace({}, 10), {{"align", "random"}}, 1);
  const TraceSpec& trace = s.load_balancers[0].demand.trace;
  CHECK(trace.loop);  // a random start must wrap around the end
  // 7 days of 1-minute intervals: 10,080 equally likely aligns; over 2,000 draws each tenth of
  // the span gets 200 on average (binomial sd 13.4): every tenth within 5 sd.
  std::vector<int> tenths(10, 0);
  const std::int64_t span = 7 * 24 * kHourMs;
  for (std::uint64_t replication = 0; replication < 2000; ++replication) {
    const TraceDraw draw =
        draw_trace(trace, "web", kMonday, SimTime::from_seconds(60), 5, replication);
    const std::int64_t offset = draw.align_ms - kMonday;
    REQUIRE(offset >= 0);
    REQUIRE(offset < span);
    CHECK(offset % 60'000 == 0);
    ++tenths[static_cast<std::size_t>(offset * 10 / span)];
  }
  for (const int count : tenths) CHECK(std::abs(count - 200) < 5 * 13.4);
  // Its own stream: the same replication draws the same align, another replication another.
  const auto align = [&](std::uint64_t r) {
    return draw_trace(trace, "web", kMonday, SimTime::from_seconds(60), 5, r).align_ms;
  };
  CHECK(align(7) == align(7));
  CHECK(align(7) != align(8));
}
