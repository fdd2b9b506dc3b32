// The simulator against the reference stepper (tests/reference): hand-derived scenarios first,
// where both must give the figures of MODEL.md §4 worked out by hand, then random scenarios of
// every feature, where they must agree on every report field and timeseries row.
//
// ALBSIM_DIFFERENTIAL_CASES=N runs N random scenarios (a soak; by default
// ALBSIM_DIFFERENTIAL_DEFAULT_CASES, set by tests/CMakeLists.txt to about a minute of work);
// RC_PARAMS="reproduce=..." replays the failure RapidCheck printed.
#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "albsim/input_error.hpp"
#include "differential/random_scenario.hpp"
#include "differential/run_both.hpp"
#include "support.hpp"

namespace albsim::test {
namespace {

constexpr SimTime kMinute = SimTime::from_seconds(60);

// Both runs, with one row a minute; fails on any difference between them.
struct BothRuns {
  FastRun fast;
  reference::ReferenceRun plain;
};
// A pinned regression scenario of tests/golden/scenarios.
nlohmann::json golden(const std::string& name) {
  return nlohmann::json::parse(read_text(source_path("tests/golden/scenarios/" + name + ".json")));
}

BothRuns run_both(const nlohmann::json& document) {
  const Scenario scenario = scenario_from(document);
  BothRuns runs{run_fast(scenario, kMinute), reference::run_reference(scenario, kMinute)};
  const std::vector<std::string> found = differences(runs.fast, runs.plain);
  for (const std::string& line : found) UNSCOPED_INFO(line);
  CHECK(found.empty());
  return runs;
}

// Column values of the row at minute m, for both runs.
template <class Field>
void check_minutes(const BothRuns& runs, int from, int to, Field field, std::uint64_t expected) {
  for (int m = from; m < to; ++m) {
    INFO("minute " << m);
    CHECK(field(runs.fast.rows.at(m)) == expected);
    CHECK(field(runs.plain.rows.at(m)) == expected);
  }
}

// How many generated scenarios used each feature and reached each outcome: the evidence that
// the random cases exercise the whole model.
struct FeatureTally {
  std::map<std::string, long> seen;
  long cases = 0;
  void count(const nlohmann::json& document, const Report& report) {
    ++cases;
    std::set<std::string> features;
    for (const auto& e : document["events"])
      features.insert("event " + e["type"].get<std::string>());
    if (!document["reservations"].empty()) features.insert("reservations");
    if (document["load_balancers"].size() > 1) features.insert("several load balancers");
    for (const auto& lb : document["load_balancers"]) {
      for (const char* kind : {"constant", "steps", "diurnal", "trace"})
        if (lb["demand"].contains(kind)) features.insert(std::string("demand ") + kind);
      if (lb["demand"].contains("growth_per_30d")) features.insert("growth");
      if (lb.contains("replacement")) features.insert("replacement every");
      if (lb["reclaim"] == "replace") features.insert("reclaim replace");
      if (lb.contains("capacity_reservation_lcu")) features.insert("capacity_reservation_lcu");
      if (!lb.contains("pool")) features.insert("no pool");
    }
    for (const LoadBalancerReport& lb : report.load_balancers) {
      if (lb.addresses.managed_acquisitions > 0) features.insert("outcome: managed fallback");
      if (lb.allowlist->breach_episodes > 0) features.insert("outcome: breach");
    }
    for (const PoolReport& pool : report.pools)
      if (pool.exhaustion_episodes > 0 && pool.capacity > 0) features.insert("outcome: exhaustion");
    for (const std::string& f : features) ++seen[f];
  }
  std::string summary() const {
    std::ostringstream out;
    out << cases << " scenarios run; with each feature:";
    for (const auto& [feature, n] : seen) out << "\n  " << feature << ": " << n;
    return out.str();
  }
};

}  // namespace

TEST_CASE("a partial scale-in starts a new low timer at the next evaluation (MODEL.md §4)",
          "[differential]") {
  // tests/golden/scenarios/partial-scale-in.json (the simulator was at fault: it skipped the
  // evaluation after a partial drain, so the second timer started when the node terminated).
  // Demand 60 LCU, then 40 at 1h and 20 at 1h02m over 2 AZs of 10-LCU nodes: r = 3, 2, 1 per
  // AZ. The low timer starts at 1h (low_max 2, still 2 after 1h02m); at 1h10m c - low_max = 1
  // victim per AZ drains (3 -> 2) and the timer is cleared. At the next evaluation, 1h11m,
  // r = 1 < c = 2 starts a new timer; at 1h21m the second victim drains (2 -> 1). Drained nodes
  // terminate 5 minutes later and release at once: the pool holds 6 addresses until 1h15m, 4
  // until 1h26m and 2 until 2h: (6 x 75 + 4 x 11 + 2 x 34) / 60 = 562 / 60 address-hours.
  const BothRuns runs = run_both(golden("partial-scale-in"));
  CHECK(runs.fast.report.load_balancers[0].addresses.pool_address_hours ==
        Approx(562.0 / 60).epsilon(1e-12));
  CHECK(runs.plain.report.load_balancers[0].addresses.pool_address_hours ==
        Approx(562.0 / 60).epsilon(1e-12));
  auto in_use = [](const TimeseriesRow& r) { return r.pool_in_use[0]; };
  auto exposed = [](const TimeseriesRow& r) { return r.load_balancers[0].exposed_nodes; };
  auto az1 = [](const TimeseriesRow& r) { return std::uint64_t{r.load_balancers[0].az_nodes[0]}; };
  check_minutes(runs, 60, 75, in_use, 6);
  check_minutes(runs, 75, 86, in_use, 4);
  check_minutes(runs, 86, 120, in_use, 2);
  check_minutes(runs, 60, 70, exposed, 6);
  check_minutes(runs, 70, 81, exposed, 4);
  check_minutes(runs, 81, 120, exposed, 2);
  // In DNS: 6 nodes until 1h10m, 4 until 1h21m, 2 until 2h: (6 x 70 + 4 x 11 + 2 x 39) / 60.
  for (const Report* report : {&runs.fast.report, &runs.plain.report})
    CHECK(report->load_balancers[0].allowlist->exposed_node_hours ==
          Approx(542.0 / 60).epsilon(1e-12));
  check_minutes(runs, 60, 75, az1, 3);  // a draining node holds its address and its AZ slot
  check_minutes(runs, 75, 86, az1, 2);
  check_minutes(runs, 86, 120, az1, 1);
}

TEST_CASE("a staircase of falling steps on two load balancers sharing a pool", "[differential]") {
  // "up": 80, 60, 40, 20 LCU at 0, 1h, 1h02m, 1h04m over 2 AZs of 10-LCU nodes, r = 4, 3, 2, 1;
  // cooldown 10m, drain 5m. Timer from 1h (low_max 3); at 1h10m one victim per AZ (4 -> 3);
  // new timer at 1h11m (low_max 1); at 1h21m two per AZ (3 -> 1). Released 1h15m and 1h26m.
  // "side": 60, 40, 20 at 0, 30m, 32m, r = 3, 2, 1; cooldown 5m, drain 2m. Timer from 30m
  // (low_max 2); at 35m one per AZ (3 -> 2); new timer at 36m; at 41m one per AZ (2 -> 1).
  // Released 37m and 43m. The pool: 14 until 37m, 12 until 43m, 10 until 1h15m, 8 until 1h26m,
  // then 4: (14 x 37 + 12 x 6 + 10 x 32 + 8 x 11 + 4 x 34) / 60 = 1134 / 60 address-hours.
  const BothRuns runs = run_both(nlohmann::json::parse(R"({
    "name": "staircase", "region": "us-east-1", "horizon": "2h",
    "pools": [{"id": "p", "source": "byoip", "locale": "us-east-1", "cidrs": ["203.0.113.0/24"]}],
    "load_balancers": [
      {"id": "up", "pool": "p", "azs": ["use1-az1", "use1-az2"], "node_capacity_lcu": 10,
       "scale_in_cooldown": "10m", "drain_time": "5m",
       "demand": {"steps": [["0s", 80], ["1h", 60], ["1h2m", 40], ["1h4m", 20]]}},
      {"id": "side", "pool": "p", "azs": ["use1-az1", "use1-az2"], "node_capacity_lcu": 10,
       "scale_in_cooldown": "5m", "drain_time": "2m",
       "demand": {"steps": [["0s", 60], ["30m", 40], ["32m", 20]]}}]})"));
  for (const Report* report : {&runs.fast.report, &runs.plain.report}) {
    CHECK(report->pools[0].in_use_address_hours == Approx(1134.0 / 60).epsilon(1e-12));
    CHECK(report->load_balancers[0].addresses.pool_address_hours ==
          Approx(734.0 / 60).epsilon(1e-12));
    CHECK(report->load_balancers[1].addresses.pool_address_hours ==
          Approx(400.0 / 60).epsilon(1e-12));
  }
  auto in_use = [](const TimeseriesRow& r) { return r.pool_in_use[0]; };
  check_minutes(runs, 0, 37, in_use, 14);
  check_minutes(runs, 37, 43, in_use, 12);
  check_minutes(runs, 43, 75, in_use, 10);
  check_minutes(runs, 75, 86, in_use, 8);
  check_minutes(runs, 86, 120, in_use, 4);
  auto side_exposed = [](const TimeseriesRow& r) { return r.load_balancers[1].exposed_nodes; };
  check_minutes(runs, 0, 35, side_exposed, 6);
  check_minutes(runs, 35, 41, side_exposed, 4);
  check_minutes(runs, 41, 120, side_exposed, 2);
  auto up_exposed = [](const TimeseriesRow& r) { return r.load_balancers[0].exposed_nodes; };
  check_minutes(runs, 0, 70, up_exposed, 8);
  check_minutes(runs, 70, 81, up_exposed, 6);
  check_minutes(runs, 81, 120, up_exposed, 2);
}

TEST_CASE("an address in DNS only within one instant is never an outside address (MODEL.md §2)",
          "[differential]") {
  // tests/golden/scenarios/instant-exposure.json (the simulator was at fault: it counted an
  // address among distinct_outside_addresses when it entered DNS, settled or not). The /30 pool
  // holds 2 NAT gateways (.0, .1) and the 2 nodes (.2, .3). At 10m maintenance replaces both:
  // the pool is full, so the new nodes take managed addresses 240.0.0.0 and .1; with no launch
  // delay they enter service at once and the old nodes drain, terminate (no drain time) and
  // release .2 and .3, each of which reclaims a managed node: its replacement takes the freed
  // address and enters service, and the managed node drains and goes, all within 10m. Settled,
  // the load balancer never left .2 and .3: 2 pool address-hours, 2 managed acquisitions, no
  // managed address-hour, no outside address, no DNS change, no breach.
  const BothRuns runs = run_both(golden("instant-exposure"));
  for (const Report* report : {&runs.fast.report, &runs.plain.report}) {
    const LoadBalancerReport& lb = report->load_balancers[0];
    CHECK(lb.addresses.pool_address_hours == 2.0);
    CHECK(lb.addresses.managed_acquisitions == 2);
    CHECK(lb.addresses.peak_managed == 0);
    CHECK(lb.addresses.managed_address_hours == 0.0);
    CHECK(lb.allowlist->distinct_outside_addresses == 0);
    CHECK(lb.outside_cidrs.empty());
    CHECK(lb.allowlist->dns_changes == 0);
    CHECK(lb.allowlist->breach_episodes == 0);
    CHECK(lb.allowlist->exposed_node_hours == 2.0);  // 2 nodes in DNS for the hour
  }
}

TEST_CASE("random scenarios: the simulator and the reference stepper agree on every figure",
          "[differential][long]") {
  const ScratchFolder folder("differential");
  FeatureTally tally;
  const std::string trace_file = (folder.dir / "trace.csv").string();
  const auto property = [&] {
    const GeneratedScenario generated = *random_scenario();
    nlohmann::json document = generated.document;
    for (auto& lb : document["load_balancers"])
      if (lb["demand"].contains("trace")) lb["demand"]["trace"]["file"] = trace_file;
    folder.write("trace.csv", generated.trace_csv);
    Scenario scenario;
    try {
      scenario = scenario_from(document);
    } catch (const InputError& e) {
      RC_DISCARD(e.what());
    }
    const SimTime step = SimTime::from_seconds(generated.timeseries_step_s);
    SimulationOptions knobs;
    knobs.demand_block_points = generated.demand_block_points;
    knobs.discard_stale_events_at = generated.discard_stale_events_at;
    const FastRun fast = run_fast(scenario, step, knobs);
    tally.count(document, fast.report);
    const std::vector<std::string> found =
        differences(fast, reference::run_reference(scenario, step));
    if (!found.empty()) {
      std::ostringstream message;
      for (const std::string& line : found) message << line << "\n";
      RC_FAIL(message.str());
    }
  };
  rc::detail::TestParams params = rc::detail::configuration().testParams;
  const char* cases = std::getenv("ALBSIM_DIFFERENTIAL_CASES");
  params.maxSuccess = cases != nullptr ? std::atoi(cases) : ALBSIM_DIFFERENTIAL_DEFAULT_CASES;
  rc::detail::TestMetadata metadata;
  metadata.id = metadata.description = "simulator == reference stepper";
  const rc::detail::TestResult result = rc::detail::checkTestable(property, metadata, params);
  std::ostringstream message;
  rc::detail::printResultMessage(result, message);
  INFO(message.str());
  CHECK(result.is<rc::detail::SuccessResult>());
  WARN(message.str() << "\n" << tally.summary());
}

}  // namespace albsim::test
