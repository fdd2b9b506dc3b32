// The observation model: a simulated run exported in each source's shape and read back by
// observe gives exactly the figures of the run seen through that source (seen_as_observed);
// a source that stops early ends the observation; records are attributed only with evidence.
#include <catch2/catch.hpp>
#include <filesystem>

#include "observe/export_observed.hpp"
#include "observe/observe.hpp"
#include "observe/replay.hpp"
#include "observe/seen_as_observed.hpp"
#include "report/assemble_report.hpp"
#include "support.hpp"

using namespace albsim;
using Json = nlohmann::json;

namespace {

// One load balancer on a /28 carved from a BYOIP /24, AWS's default delays, replaced daily;
// at most 8 nodes (capacity 20 against a peak near 90 LCU), so every DNS answer lists them all.
Json scenario_doc() {
  return {{"name", "model"},
          {"start", "2025-03-01T00:00:00Z"},
          {"horizon", "1d"},
          {"seed", 5},
          {"pools",
           {{{"id", "corp"}, {"source", "byoip"}, {"cidrs", {"198.51.100.0/24"}}},
            {{"id", "p"},
             {"parent", "corp"},
             {"locale", "us-east-1"},
             {"cidrs", {"198.51.100.0/28"}},
             {"release_delay", "10m"}}}},
          {"load_balancers",
           {{{"id", "web"},
             {"pool", "p"},
             {"azs", {"us-east-1a", "us-east-1b"}},
             {"node_capacity_lcu", 20},
             {"scale_in_cooldown", "5m"},
             {"replacement", {{"every", "6h"}}},
             {"demand",
              {{"diurnal", {{"base", 50}, {"amplitude", 0.8}, {"peak_hour", 15}}},
               {"noise", {{"sigma", 0.1}}}}}}}}};
}

struct Observed {
  Report report;
  Observation observation;
};

Observed observe_with(const Scenario& scenario, const ObserveRequest& request) {
  const ObservedScenario observed = observed_scenario(scenario, request);
  Observation observation = read_observation(request, observed);
  Report report = assemble_report(
      observed.scenario,
      replay_observation(observed.scenario, observation, observed.window, SimTime(), nullptr));
  return {std::move(report), std::move(observation)};
}

void check_same_figures(const Report& observed, const Report& seen) {
  const AddressMetrics& o = observed.load_balancers[0].addresses;
  const AddressMetrics& s = seen.load_balancers[0].addresses;
  CHECK(o.peak_total == s.peak_total);
  CHECK(o.peak_pool == s.peak_pool);
  CHECK(o.pool_address_hours == Approx(s.pool_address_hours).epsilon(1e-12));
  CHECK(o.managed_address_hours == Approx(s.managed_address_hours).epsilon(1e-12));
  CHECK(o.peak_managed == s.peak_managed);
  CHECK(o.managed_acquisitions == s.managed_acquisitions);
  CHECK(observed.load_balancers[0].allowlist->dns_changes ==
        seen.load_balancers[0].allowlist->dns_changes);
}

// The model scenario's run, its address changes logged.
struct LoggedRun {
  Scenario scenario = test::scenario_from(scenario_doc());
  test::RecordingLog log;
  LoggedRun() {
    SimulationOptions options;
    options.address_log = &log;
    simulate(scenario, options);
  }
};

// `command` (observe or calibrate) of the model scenario on its ENI snapshots every 5 minutes
// from 00:00 to 18:00 of its day: a recorder that stopped there.
test::CliResult run_on_stopped_snapshots(const std::string& command,
                                         const test::ScratchFolder& folder) {
  const LoggedRun run;
  std::vector<std::string> files =
      test::write_eni_snapshots(folder.dir, run.log, run.scenario, 300'000);
  files.resize(18 * 12 + 1);
  const std::string doc = folder.write("s.json", scenario_doc().dump());
  std::vector<std::string> args = {command,          doc, "-q", "-o", (folder.dir / "out").string(),
                                   "--eni-snapshots"};
  args.insert(args.end(), files.begin(), files.end());
  return test::run_albsim(args);
}

}  // namespace

TEST_CASE("observation model: each source's export, read back, gives the run seen through it") {
  const LoggedRun run;
  const Scenario& scenario = run.scenario;
  const test::RecordingLog& log = run.log;
  const test::ScratchFolder folder("observation-model");

  SECTION("ENI snapshots every 5 minutes") {
    ObserveRequest request;
    request.eni_snapshots = test::write_eni_snapshots(folder.dir, log, scenario, 300'000);
    const Observed o = observe_with(scenario, request);
    check_same_figures(o.report, seen_as_observed(scenario, o.observation));
    // Nodes that came and went between snapshots are not seen: fewer address-hours than held.
    CHECK(o.report.load_balancers[0].addresses.pool_address_hours > 0);
  }
  SECTION("IPAM history, its times rounded up to 5 minutes, the grid read from the times") {
    std::vector<std::string> pages =
        test::write_ipam_history(folder.dir, log, *scenario.start_epoch_ms, 40, 300'000);
    ObserveRequest request;
    request.ipam_history = pages;
    const Observed o = observe_with(scenario, request);
    CHECK(o.observation.sampling.grid_ms == 300'000);
    check_same_figures(o.report, seen_as_observed(scenario, o.observation));
  }
  SECTION("a DNS log every minute") {
    ObserveRequest request;
    request.dns_log = test::write_dns_log(folder.dir / "dns.log", log, scenario, 0, 60'000,
                                          [](std::size_t, std::uint32_t) { return false; });
    const Observed o = observe_with(scenario, request);
    check_same_figures(o.report, seen_as_observed(scenario, o.observation));
  }
  SECTION("Public IP Insights every 10 minutes") {
    ObserveRequest request;
    request.public_ips = test::write_public_ips(folder.dir, log, scenario, 600'000);
    const Observed o = observe_with(scenario, request);
    check_same_figures(o.report, seen_as_observed(scenario, o.observation));
  }
}

TEST_CASE("observation model: the exact model compared with its own DNS log differs by nothing") {
  const test::ScratchFolder folder("observation-model-compare");
  const std::string file = folder.write("s.json", scenario_doc().dump());
  const LoggedRun logged;
  const std::string dns =
      test::write_dns_log(folder.dir / "dns.log", logged.log, logged.scenario, 0, 60'000,
                          [](std::size_t, std::uint32_t) { return false; });
  const auto observed = test::run_albsim(
      {"observe", file, "-q", "--dns-log", dns, "-o", (folder.dir / "obs").string()});
  REQUIRE(observed.code == 0);
  const auto run = test::run_albsim({"run", file, "-o", (folder.dir / "run").string(),
                                     "--compare-observed", (folder.dir / "obs").string()});
  INFO(run.out);
  REQUIRE(run.code == 0);
  const std::string table = run.out.substr(run.out.find("Against what was observed"));
  CHECK(table.find("seen through the same source") != std::string::npos);
  // Every figure both sides measure agrees: its difference is zero.
  std::size_t rows = 0, zero = 0;
  for (std::size_t at = table.find("\nweb "); at != std::string::npos;
       at = table.find("\nweb ", at + 1)) {
    const std::string row = table.substr(at + 1, table.find('\n', at + 1) - at - 1);
    ++rows;
    if (row.find(" +0") != std::string::npos || row.find(" 0 ") != std::string::npos ||
        row.find(" -") != std::string::npos || row.find("+0.0") != std::string::npos)
      ++zero;
    else
      FAIL_CHECK(row);
  }
  CHECK(rows > 10);
  CHECK(zero == rows);
}

TEST_CASE("observation model: a snapshot recorder that stopped at 18:00 ends the observation") {
  const test::ScratchFolder folder("observation-model-coverage");
  const auto r = run_on_stopped_snapshots("observe", folder);
  REQUIRE(r.code == 0);
  // Covered: 00:00 .. 18:05 (the last snapshot plus one interval) of 24 h: 75.3%.
  CHECK(r.err.find("warning: the eni-snapshots covers only 75.3% of the window: "
                   "2025-03-01T00:00:00Z .. 2025-03-01T18:05:00Z") != std::string::npos);
  const Json report = Json::parse(test::read_text(folder.dir / "out" / "report.json"));
  CHECK(report["scenario"]["horizon_s"] == 18 * 3600 + 300);
  CHECK(report["observation"]["covered_share"].get<double>() ==
        Approx((18 * 3600 + 300) / 86400.0));
}

namespace {

Json history_record(const std::string& eni, const std::string& ip, const std::string& from,
                    const std::string& to) {
  return {{"ResourceType", "network-interface"},
          {"ResourceId", eni},
          {"ResourceCidr", ip + "/32"},
          {"SampledStartTime", "2025-03-01T" + from + ":00.000000+00:00"},
          {"SampledEndTime", "2025-03-01T" + to + ":00.000000+00:00"}};
}

Json eni(const std::string& id, const std::string& description, const std::string& requester) {
  return {{"NetworkInterfaceId", id}, {"Description", description}, {"RequesterId", requester}};
}

}  // namespace

TEST_CASE("observation model: IPAM history records are attributed only with evidence") {
  const test::ScratchFolder folder("observation-model-attribution");
  Json doc = scenario_doc();
  // web's node held .1 for 12 h; a NAT gateway's interface held .2, of the same pool, all day;
  // api's node held .3 for 6 h.
  const std::string history = folder.write(
      "history.json", Json{{"HistoryRecords",
                            {history_record("eni-web", "198.51.100.1", "00:00", "12:00"),
                             history_record("eni-nat", "198.51.100.2", "00:00", "23:59"),
                             history_record("eni-api", "198.51.100.3", "06:00", "12:00")}}}
                          .dump());
  const std::string enis = folder.write(
      "enis.json", Json{{"NetworkInterfaces",
                         {eni("eni-web", "ELB app/web/50dc6c495c0c9188", "amazon-elb"),
                          eni("eni-nat", "Interface for NAT Gateway nat-0abc", "amazon-nat"),
                          eni("eni-api", "ELB app/api/60dc6c495c0c9188", "amazon-elb")}}}
                       .dump());
  const auto observe = [&](const Json& scenario, std::vector<std::string> extra) {
    const std::string file = folder.write("s.json", scenario.dump());
    std::vector<std::string> args = {
        "observe", file, "-q", "-o", (folder.dir / "out").string(), "--ipam-history", history};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::run_albsim(args);
  };
  const auto report = [&] {
    return Json::parse(test::read_text(folder.dir / "out" / "report.json"));
  };

  SECTION("one load balancer on the pool: with --enis, the NAT gateway is another resource") {
    REQUIRE(observe(doc, {"--enis", enis}).code == 0);
    const Json r = report();
    // .1 for 12 h; .3 is api's, which the scenario does not have: ignored with the NAT's.
    CHECK(r["load_balancers"][0]["addresses"]["pool_address_hours"] == Approx(12));
    CHECK(r["load_balancers"][0]["addresses"]["peak_total"] == 1);
    CHECK(r["observation"]["ignored_records"] == 2);
    CHECK(r["observation"]["unattributed_records"] == 0);
  }
  SECTION("one load balancer on the pool: without --enis, every record counts, said so") {
    REQUIRE(observe(doc, {}).code == 0);
    const Json r = report();
    CHECK(r["load_balancers"][0]["addresses"]["pool_address_hours"] ==
          Approx(12 + (23 + 59.0 / 60) + 6));
    CHECK(r["load_balancers"][0]["addresses"]["peak_total"] == 3);
    CHECK(r["observation"]["unattributed_records"] == 3);
    CHECK(r["observation"]["hides"].dump().find("no --enis file describes") != std::string::npos);
  }
  SECTION("two load balancers on one pool: evidence is needed, --lb is not enough") {
    Json api = doc["load_balancers"][0];
    api["id"] = "api";
    doc["load_balancers"].push_back(api);
    const auto refused = observe(doc, {"--lb", "web"});
    CHECK(refused.code == 2);
    CHECK(refused.err.find("198.51.100.1: 2 load balancers draw from its pool, and this record "
                           "does not say which holds it; pass --enis FILE...") !=
          std::string::npos);
    REQUIRE(observe(doc, {"--enis", enis}).code == 0);
    const Json r = report();
    CHECK(r["load_balancers"][0]["addresses"]["pool_address_hours"] == Approx(12));
    CHECK(r["load_balancers"][1]["addresses"]["pool_address_hours"] == Approx(6));
    CHECK(r["observation"]["ignored_records"] == 1);
  }
}

TEST_CASE("observation model: calibrate fits only the part a stopped recorder covered") {
  const test::ScratchFolder folder("observation-model-calibrate-coverage");
  const auto r = run_on_stopped_snapshots("calibrate", folder);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("covers only 75.3% of the window") != std::string::npos);
  CHECK(r.err.find("calibrate fits that part") != std::string::npos);
  const Json c = Json::parse(test::read_text(folder.dir / "out" / "calibration.json"));
  // Samples every 5 minutes from 00:00 to 18:00, the last snapshot: 217 of the day's 288.
  CHECK(c["fit"]["samples"] == 217);
  // The truth's own parameters fit what was covered: capacity 20 within its interval.
  CHECK(c["values"]["node_capacity_lcu"]["low"].get<double>() <= 20);
  CHECK(20 <= c["values"]["node_capacity_lcu"]["high"].get<double>());
}
