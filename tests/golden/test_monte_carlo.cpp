// Replications: reproducibility across thread counts, stream independence, and the random forms
// checked against their distributions (tolerances from the distributions, not from the output).
#include <catch2/catch.hpp>

#include "albsim/load_scenario.hpp"
#include "albsim/report_output.hpp"
#include "support.hpp"

using namespace albsim;
using nlohmann::json;

namespace {

json two_az(const json& lb_extra, const std::string& horizon) {
  json lb = {{"id", "a"}, {"pool", "p"}, {"azs", {"az1", "az2"}}, {"demand", {{"constant", 10}}}};
  lb.update(lb_extra);
  return json{{"region", "us-east-1"},
              {"horizon", horizon},
              {"pools", json::array({{{"id", "p"},
                                      {"source", "byoip"},
                                      {"locale", "us-east-1"},
                                      {"cidrs", {"203.0.113.0/24"}}}})},
              {"load_balancers", json::array({lb})}};
}

std::vector<Report> replicate(const Scenario& s, int n, int threads) {
  ReplicationOptions options;
  options.replications = n;
  options.threads = threads;
  return simulate_replications(s, options);
}

}  // namespace

TEST_CASE("the same seed gives the same report.json bytes with 1, 2 and 4 threads") {
  Scenario s = load_scenario(test::source_path("scenarios/amazon-29-random.json"));
  s.replications = 24;
  const std::string one = report_to_json(s, replicate(s, 24, 1));
  CHECK(one == report_to_json(s, replicate(s, 24, 2)));
  CHECK(one == report_to_json(s, replicate(s, 24, 4)));
  CHECK(one.find("\"distribution\"") != std::string::npos);
  s.seed = 2027;
  CHECK(one != report_to_json(s, replicate(s, 24, 2)));
}

TEST_CASE("adding a random surge process does not change a load balancer's replacement draws") {
  // A x1 surge changes no demand, so with independent streams the whole run is unchanged;
  // a shared stream would shift every replacement age drawn after the first arrival.
  json doc = two_az({{"replacement", {{"mean", "1d"}}}}, "30d");
  const Scenario plain = test::scenario_from(doc);
  doc["random_events"] = json::array(
      {{{"type", "surge"}, {"rate_per_day", 5}, {"multiplier", 1.0}, {"duration", "1h"}}});
  const Scenario with_surges = test::scenario_from(doc);
  const auto a = replicate(plain, 3, 1);
  const auto b = replicate(with_surges, 3, 1);
  for (int i = 0; i < 3; ++i)
    CHECK(report_to_json(plain, {a[static_cast<std::size_t>(i)]}) ==
          report_to_json(plain, {b[static_cast<std::size_t>(i)]}));
  CHECK(a[0].load_balancers[0].allowlist->dns_changes !=
        a[1].load_balancers[0].allowlist->dns_changes);
}

TEST_CASE("exponential replacement: the count matches a Poisson process of rate 1/mean") {
  // 2 single-node AZs, mean age 1 day, 100 days: each AZ is a renewal process with Exp(1 d)
  // gaps (floored at the 2 min launch), E[count] = 200, variance 200. Every replacement swaps
  // one address in DNS: 2 changes. The mean of 20 replications has standard error sqrt(10).
  const Scenario s = test::scenario_from(two_az({{"replacement", {{"mean", "1d"}}}}, "100d"));
  const auto reports = replicate(s, 20, 2);
  double total = 0;
  for (const Report& r : reports)
    total += static_cast<double>(r.load_balancers[0].allowlist->dns_changes) / 2;
  CHECK(std::abs(total / 20 - 200) < 4 * std::sqrt(10.0));
}

TEST_CASE("uniform launch delay: the mean overlap matches (a + b) / 2") {
  // Replacement every day, 2 AZs, 100 days: 198 replacements, each overlapping old and new node
  // for launch_delay + 5 min drain. Uniform [60, 180] s: mean 120, sd 34.64, standard error of
  // the mean of 198 draws 2.46 s.
  const Scenario s = test::scenario_from(two_az(
      {{"replacement", {{"every", "1d"}}}, {"launch_delay", {{"uniform", {60, 180}}}}}, "100d"));
  const Report r = test::run_checked(s);
  const double overlap_s =
      r.load_balancers[0].addresses.pool_address_hours * 3600 - 2 * 100 * 86400.0;
  const double mean_launch = overlap_s / 198 - 300;
  CHECK(std::abs(mean_launch - 120) < 4 * 34.641 / std::sqrt(198.0));
}

namespace {
struct DemandSamples : TimeseriesObserver {
  double sum = 0;
  double count = 0;
  void on_row(const TimeseriesRow& row) override {
    sum += row.load_balancers[0].demand_lcu;
    ++count;
  }
};
}  // namespace

TEST_CASE("lognormal noise has mean 1") {
  // 100 LCU, sigma 0.5, one draw per 60 s grid point for 10 days (14,400 rows at a 1 min step).
  // sd of the multiplier sqrt(e^0.25 - 1) = 0.533; standard error of the mean 0.00444.
  json doc = two_az(json::object(), "10d");
  doc["load_balancers"][0]["demand"] = {{"constant", 100}, {"noise", {{"sigma", 0.5}}}};
  DemandSamples samples;
  SimulationOptions options;
  options.timeseries = &samples;
  options.timeseries_step = SimTime::from_seconds(60);
  simulate(test::scenario_from(doc), options);
  REQUIRE(samples.count == 14400);
  CHECK(std::abs(samples.sum / samples.count / 100 - 1) < 4 * 0.5329 / 120);
}

TEST_CASE("random AZ outages arrive as a Poisson process") {
  // 4 outages a day of az1 for 1 min over 100 days: E[count] = 400, variance 400; each takes
  // az1's node out of DNS and back (2 changes). 10 replications: standard error sqrt(40).
  json doc = two_az(json::object(), "100d");
  doc["random_events"] = json::array(
      {{{"type", "az_outage"}, {"az", "az1"}, {"rate_per_year", 4 * 365}, {"duration", "1m"}}});
  const auto reports = replicate(test::scenario_from(doc), 10, 2);
  double total = 0;
  for (const Report& r : reports)
    total += static_cast<double>(r.load_balancers[0].allowlist->dns_changes) / 2;
  CHECK(std::abs(total / 10 - 400) < 4 * std::sqrt(40.0));
}

TEST_CASE("random allocation spreads addresses over the pool") {
  // 2 nodes replaced every day for 30 days from a /24, with clients allowlisting only the lowest
  // /30. Lowest-free allocation never leaves the /30 (at most 4 addresses are held at once). Random
  // allocation draws each of the 60 acquisitions (2 at t=0, 2 x 29 replacements) uniformly from
  // the >= 252 free addresses, so each lands outside the /30 with probability >= 248/252; and among
  // 60 draws from 248 outside addresses the expected repeats are at most 60^2 / (2 x 248) ~ 7. So
  // about 52 distinct outside addresses; fewer than 25 has a probability far below 1e-9.
  json doc = two_az({{"replacement", {{"every", "1d"}}}, {"allowlist", {"203.0.113.0/30"}}}, "30d");
  const Report lowest = test::run_checked(test::scenario_from(doc));
  CHECK(lowest.load_balancers[0].allowlist->distinct_outside_addresses == 0);
  CHECK(lowest.load_balancers[0].addresses.peak_total == 4);

  doc["pools"][0]["allocation"] = "random";
  const Report r = test::run_checked(test::scenario_from(doc));
  CHECK(r.load_balancers[0].addresses.peak_total == 4);
  CHECK(r.pools[0].peak_in_use == 4);
  CHECK(r.load_balancers[0].allowlist->distinct_outside_addresses >= 25);
  CHECK(r.load_balancers[0].allowlist->distinct_outside_addresses <= 60);
}
