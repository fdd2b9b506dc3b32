// The Markov screen against simulation on scenarios where its assumptions hold: constant
// demand, exponential replacement, Poisson surges and outages with exponential durations.
#include <catch2/catch.hpp>
#include <numeric>

#include "plan/markov_screen.hpp"
#include "support.hpp"

namespace albsim::test {
namespace {

// The share of time the load balancer holds each number of addresses, sampled every minute of
// a long run (the pool is large enough never to run out).
class HeldAddresses : public TimeseriesObserver {
 public:
  void on_row(const TimeseriesRow& row) override {
    const auto held = row.pool_in_use[0] + row.load_balancers[0].managed_addresses;
    if (held >= counts_.size()) counts_.resize(held + 1);
    ++counts_[held];
    ++rows_;
  }
  std::vector<double> shares() const {
    std::vector<double> s;
    for (const auto c : counts_) s.push_back(static_cast<double>(c) / static_cast<double>(rows_));
    return s;
  }

 private:
  std::vector<std::uint64_t> counts_;
  std::uint64_t rows_ = 0;
};

double mean_of(const std::vector<double>& p) {
  double m = 0;
  for (std::size_t a = 0; a < p.size(); ++a) m += static_cast<double>(a) * p[a];
  return m;
}

double at_least(const std::vector<double>& p, std::size_t a) {
  return a >= p.size() ? 0.0 : std::accumulate(p.begin() + static_cast<long>(a), p.end(), 0.0);
}

nlohmann::json stationary_scenario(const std::string& horizon) {
  return {
      {"horizon", horizon},
      {"seed", 3},
      {"pools",
       {{{"id", "big"},
         {"source", "byoip"},
         {"locale", "us-east-1"},
         {"cidrs", {"203.0.113.0/24"}}}}},
      {"load_balancers",
       {{{"id", "api"},
         {"pool", "big"},
         {"azs", {"a", "b", "c"}},
         {"demand", {{"constant", 240}}},
         {"launch_delay", {{"exponential", "5m"}}},
         {"replacement", {{"mean", "6h"}}}}}},
      {"random_events",
       {{{"type", "surge"},
         {"rate_per_day", 2},
         {"multiplier", 1.5},
         {"duration", {{"exponential", "1h"}}}},
        {{"type", "az_outage"}, {"rate_per_year", 50}, {"duration", {{"exponential", "2h"}}}}}}};
}

// Tolerances: the chain approximates fixed cooling times and launch-then-drain overlaps by
// exponentials, and the simulation is one sample path; both agree within these bounds.
TEST_CASE("Markov screen: stationary addresses match a long simulation") {
  const Scenario s = scenario_from(stationary_scenario("365d"));
  REQUIRE_FALSE(screen_not_applicable(s, 0, 0));
  const MarkovScreen chain(s, 0, 0);
  const std::vector<double> p = chain.address_distribution();

  HeldAddresses observed;
  SimulationOptions options;
  options.timeseries_step = SimTime::from_seconds(60);
  options.timeseries = &observed;
  simulate(s, options);
  const std::vector<double> q = observed.shares();

  // 3 AZs x ceil(80 / 25) = 12 nodes at least, always.
  CHECK(at_least(p, 12) == Approx(1.0));
  CHECK(at_least(p, 11) == at_least(p, 12));
  CHECK(mean_of(p) == Approx(mean_of(q)).epsilon(0.005));
  for (std::size_t a = 13; a < 20; ++a) {
    INFO("P(held >= " << a << ")");
    CHECK(std::abs(at_least(p, a) - at_least(q, a)) <= 0.1 * at_least(p, a) + 0.002);
  }
}

TEST_CASE("Markov screen: breach probability and in-allowlist against simulation") {
  // Usable capacity set by reservations held for the whole run.
  for (const int usable : {19, 22, 26}) {
    nlohmann::json doc = stationary_scenario("7d");
    doc["pools"][0] = {{"id", "big"},
                       {"source", "amazon"},
                       {"locale", "us-east-1"},
                       {"cidrs", {"198.51.100.0/27"}}};
    doc["reservations"] = {{{"pool", "big"}, {"count", 32 - usable}}};
    const Scenario s = scenario_from(doc);
    const ScreenEstimate e = MarkovScreen(s, 0, 0).estimate(32);
    ReplicationOptions r;
    r.replications = 300;
    int breached = 0;
    double in_allowlist = 0;
    for (const Report& report : simulate_replications(s, r)) {
      const AllowlistMetrics& a = report.load_balancers[0].allowlist.value();
      breached += a.breach_episodes > 0 ? 1 : 0;
      in_allowlist += a.in_allowlist_ratio.value_or(1.0) / r.replications;
    }
    INFO("usable " << usable << ": screen " << e.breach_probability << ", simulation "
                   << breached / 300.0);
    // 0.06: the simulated share's 95% half-width (about 0.055 at 300 runs) plus a little.
    CHECK(std::abs(e.breach_probability - breached / 300.0) <= 0.06);
    CHECK(std::abs(e.in_allowlist - in_allowlist) <= 0.001);
  }
}

TEST_CASE("Markov screen: where its assumptions fail it says why") {
  nlohmann::json doc = stationary_scenario("7d");
  doc["load_balancers"][0]["demand"] = {{"diurnal", {{"base", 80}, {"amplitude", 0.5}}}};
  CHECK(*screen_not_applicable(scenario_from(doc), 0, 0) ==
        "demand is not constant (the screen needs stationary demand)");
  doc = stationary_scenario("7d");
  doc["load_balancers"][0]["replacement"] = {{"every", "1d"}};
  CHECK(screen_not_applicable(scenario_from(doc), 0, 0)->find("lockstep") != std::string::npos);
  doc = stationary_scenario("7d");
  doc["events"] = {{{"at", "1d"}, {"type", "maintenance"}, {"fraction", 0.5}}};
  CHECK(*screen_not_applicable(scenario_from(doc), 0, 0) ==
        "scheduled events change the load balancer");
  // 6 AZs of up to 100 nodes replaced every 10 min on average: about 420 overlapping
  // replacements, kept to 592; 28 surge states (6 piled up) x 21 outage states (5 AZs) x 593.
  doc = stationary_scenario("7d");
  nlohmann::json& lb = doc["load_balancers"][0];
  lb["azs"] = {"a", "b", "c", "d", "e", "f"};
  lb["demand"] = {{"constant", 15000}};
  lb["max_nodes_per_az"] = 100;
  lb["replacement"] = {{"mean", "10m"}};
  doc["random_events"][0]["rate_per_day"] = 100;
  doc["random_events"][1]["rate_per_year"] = 2000;
  CHECK(*screen_not_applicable(scenario_from(doc), 0, 0) ==
        "the chain would have more than 200,000 states");
}

TEST_CASE("Markov screen: without random elements the chain is one state") {
  nlohmann::json doc = stationary_scenario("7d");
  doc["load_balancers"][0].erase("replacement");
  doc.erase("random_events");
  const Scenario s = scenario_from(doc);
  const MarkovScreen chain(s, 0, 0);
  std::vector<double> twelve(13, 0.0);
  twelve[12] = 1.0;
  CHECK(chain.address_distribution() == twelve);
  CHECK(chain.estimate(12).breach_probability == 0.0);
  const ScreenEstimate short_one = chain.estimate(11);
  CHECK(short_one.breach_probability == 1.0);
  CHECK(short_one.in_allowlist == Approx(1.0 - 1.0 / 12));  // one node of 12 on a managed address
  CHECK(short_one.managed_addresses == Approx(1.0));
}

}  // namespace
}  // namespace albsim::test
