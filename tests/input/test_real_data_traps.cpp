// The traps of real data (issue 28): inputs whose dates, statistic, gaps or pools a user could
// get wrong without a word. Each case's figures are derived by hand in its comments.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "albsim/load_scenario.hpp"
#include "albsim/plan.hpp"
#include "core/calendar.hpp"
#include "support.hpp"

using namespace albsim;
using nlohmann::json;

namespace {

// One load balancer over two AZs, drawing managed addresses (no pool), 25 LCU per node.
json one_lb(const json& demand, const std::string& horizon) {
  return {{"region", "us-east-1"},
          {"horizon", horizon},
          {"pools", json::array()},
          {"load_balancers",
           json::array({{{"id", "web"}, {"azs", {"az1", "az2"}}, {"demand", demand}}})}};
}

// A scenario replaying the "lcu" column of `csv` (written as t.csv) from `start`, written as
// s.json into `folder`: the document, to change, and its path.
struct TraceScenario {
  json doc;
  std::string file;
};
TraceScenario lcu_trace(const test::ScratchFolder& folder, const std::string& csv,
                        const std::string& start, const std::string& horizon) {
  folder.write("t.csv", csv);
  json doc = one_lb({{"trace", {{"file", "t.csv"}, {"value_column", "lcu"}}}}, horizon);
  doc["start"] = start;
  const std::string file = folder.write("s.json", doc.dump());
  return {doc, file};
}

}  // namespace

TEST_CASE("an ISO-timed trace plays at the scenario's start, not from its first sample") {
  // Hourly: 10 LCU at 00:00 and 01:00, 100 LCU at 02:00 and 03:00. From a start of 02:00 the
  // run sees 100 LCU at once: 50 per AZ, 2 nodes each, 4 nodes for the 2 h horizon: 8 managed
  // address-hours and a peak of 4. Played from the first sample it would see 10 LCU (1 node per
  // AZ): 4 address-hours, a peak of 2.
  const test::ScratchFolder folder("trace-dates");
  auto [doc, file] = lcu_trace(folder,
                               "time,lcu\n2021-08-01T00:00:00Z,10\n2021-08-01T01:00:00Z,10\n"
                               "2021-08-01T02:00:00Z,100\n2021-08-01T03:00:00Z,100\n",
                               "2021-08-01T02:00:00Z", "2h");
  const Report r = test::run_checked(load_scenario(file));
  CHECK(r.load_balancers[0].addresses.peak_total == 4);
  CHECK(r.load_balancers[0].addresses.managed_address_hours == Approx(8.0));

  // A start outside the trace (which covers 00:00 to 04:00) names both.
  doc["start"] = "2021-08-01T05:00:00Z";
  folder.write("s.json", doc.dump());
  const auto outside = test::run_albsim({"validate", file});
  CHECK(outside.code == 2);
  CHECK(outside.err.find("/load_balancers/0/demand/trace: the scenario's start, "
                         "2021-08-01T05:00:00Z, is outside the trace, which covers "
                         "2021-08-01T00:00:00Z to 2021-08-01T04:00:00Z") != std::string::npos);
  // An explicit align still decides: from 00:00, 10 LCU for the two hours.
  doc["load_balancers"][0]["demand"]["trace"]["align"] = "2021-08-01T00:00:00Z";
  folder.write("s.json", doc.dump());
  CHECK(test::run_checked(load_scenario(file)).load_balancers[0].addresses.peak_total == 2);
}

TEST_CASE("no pool, no allowlist, and a pool with no CIDR is a warned full breach") {
  // 10 LCU over 2 AZs: one node per AZ, 2 addresses, all day. on-pool holds 2 of use1's /28:
  // all inside. no-pool has no allowlist: no figures, and it is left out of the fleet's.
  // on-empty draws from a pool with no CIDR: 2 managed addresses outside its (empty) allowlist
  // for the whole 86,400 s. The fleet (on-pool and on-empty): 2 x 2 nodes x 24 h = 96
  // node-hours exposed, on-pool's 48 inside: 50%, one episode of 24 h (on-empty's).
  const test::ScratchFolder folder("mixed-pools");
  const auto r = test::run_albsim(
      {"run", test::source_path("tests/input/data/mixed_pools.json"), "-o", folder.dir.string()});
  REQUIRE(r.code == 0);
  CHECK(r.err.find("/pools/2/cidrs: pool \"empty\" holds no CIDR, so on-empty take only "
                   "AWS-managed addresses") != std::string::npos);
  const json report = json::parse(test::read_text(folder.dir / "report.json"));
  const json& lbs = report["load_balancers"];
  CHECK(lbs[0]["allowlist"]["in_allowlist_ratio"] == 1.0);
  CHECK(lbs[1]["allowlist"].is_null());
  CHECK(lbs[2]["allowlist"]["in_allowlist_ratio"] == 0.0);
  CHECK(lbs[2]["allowlist"]["breach_seconds"] == 86400.0);
  CHECK(report["allowlist"]["in_allowlist_ratio"] == 0.5);
  CHECK(report["allowlist"]["breach_episodes"] == 1);
  CHECK(report["allowlist"]["exposed_node_hours"] == 96.0);
  CHECK(report["distribution"]["load_balancers"][1]["breach_probability"].is_null());
  CHECK(report["distribution"]["load_balancers"][2]["breach_probability"]["estimate"] == 1.0);
  const std::size_t row = r.out.find("\nno-pool ");
  REQUIRE(row != std::string::npos);
  CHECK(r.out.substr(row, r.out.find('\n', row + 1) - row).find("no pool") != std::string::npos);
  CHECK(r.out.find("Allowlist (fleet, the 2 load balancers with one): 50.000% of exposed "
                   "node-time inside, 1 breach episode (24.00h)") != std::string::npos);
}

namespace {

// describe-load-balancers output with internet-facing ALBs in us-east-1, each on `pool` ("" for
// none).
json albs(const std::vector<std::pair<std::string, std::string>>& name_and_pool) {
  json list = json::array();
  for (const auto& [name, pool] : name_and_pool) {
    json lb = {
        {"LoadBalancerName", name},
        {"Type", "application"},
        {"Scheme", "internet-facing"},
        {"LoadBalancerArn",
         "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/" + name + "/1"},
        {"AvailabilityZones", {{{"ZoneName", "us-east-1a"}}, {{"ZoneName", "us-east-1b"}}}}};
    if (!pool.empty()) lb["IpamPools"] = {{"Ipv4IpamPoolId", pool}};
    list.push_back(lb);
  }
  return {{"LoadBalancers", list}};
}

}  // namespace

TEST_CASE("import refuses metrics that name no load balancer") {
  // Two get-metric-data queries left with CloudWatch's default Label, the metric's name: which
  // is web's and which is api's cannot be told, so neither may become a constant 0 LCU.
  const test::ScratchFolder folder("unnamed-metrics");
  const std::string lbs = folder.write("lbs.json", albs({{"web", ""}, {"api", ""}}).dump());
  json result = {{"Label", "ConsumedLCUs"},
                 {"Timestamps", {"2026-11-23T00:00:00Z"}},
                 {"Values", {12.0}},
                 {"StatusCode", "Complete"}};
  json metrics = {{"MetricDataResults", json::array()}};
  for (const char* id : {"m1", "m2"}) {
    result["Id"] = id;
    metrics["MetricDataResults"].push_back(result);
  }
  const std::string file = folder.write("metrics.json", metrics.dump());
  const auto r = test::run_albsim({"import", "aws", "--load-balancers", lbs, "--metrics", file,
                                   "-o", (folder.dir / "s.json").string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("metrics.json: no metric result names a load balancer of the import (results "
                   "\"m1\" (Label \"ConsumedLCUs\"), \"m2\" (Label \"ConsumedLCUs\"))") !=
        std::string::npos);
  CHECK(r.err.find("choose with --metric LB=ID") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(folder.dir / "s.json"));
  // Choosing decides.
  CHECK(test::run_albsim({"import", "aws", "--load-balancers", lbs, "--metrics", file, "--metric",
                          "web=m1", "--metric", "api=m2", "--statistic", "Average", "-o",
                          (folder.dir / "s.json").string()})
            .code == 0);
}

TEST_CASE(
    "import refuses an ALB whose IPAM pool it was not given, and warns of a pool with no CIDR") {
  const test::ScratchFolder folder("missing-pool");
  const std::string lbs = folder.write("lbs.json", albs({{"web", "ipam-pool-0a1"}}).dump());
  const std::string out = (folder.dir / "s.json").string();
  const auto r = test::run_albsim({"import", "aws", "--load-balancers", lbs, "-o", out});
  CHECK(r.code == 2);
  CHECK(r.err.find("lbs.json: /LoadBalancers/0/IpamPools/Ipv4IpamPoolId: web draws from "
                   "ipam-pool-0a1, which is not among the pools given; pass its pool with "
                   "--ipam-pools") != std::string::npos);

  // The pool given without its CIDRs: the scenario holds a pool with none, and the run warns
  // that web (2 nodes, managed addresses) breaches all day.
  const std::string pools = folder.write("pools.json", json({{"IpamPools",
                                                              {{{"IpamPoolId", "ipam-pool-0a1"},
                                                                {"AddressFamily", "ipv4"},
                                                                {"IpamScopeType", "public"},
                                                                {"Locale", "us-east-1"},
                                                                {"PublicIpSource", "byoip"}}}}})
                                                           .dump());
  REQUIRE(test::run_albsim({"import", "aws", "--load-balancers", lbs, "--ipam-pools", pools, "-o",
                            out, "--horizon", "1d"})
              .code == 0);
  const auto run = test::run_albsim({"run", out, "-o", (folder.dir / "run").string(), "--quiet"});
  REQUIRE(run.code == 0);
  CHECK(run.err.find("pool \"ipam-pool-0a1\" holds no CIDR, so web take only AWS-managed "
                     "addresses") != std::string::npos);
  const json report = json::parse(test::read_text(folder.dir / "run" / "report.json"));
  CHECK(report["load_balancers"][0]["allowlist"]["breach_seconds"] == 86400.0);
}

namespace {

// get-metric-data output: one query labelled `label`, six 5-minute datapoints of `value` from
// 2026-11-23T00:00Z, newest first as CloudWatch lists them.
std::string five_minute_data(const std::string& label, double value) {
  json times = json::array(), values = json::array();
  for (int i = 5; i >= 0; --i) {
    times.push_back("2026-11-23T00:" + std::string(i < 2 ? "0" : "") + std::to_string(i * 5) +
                    ":00+00:00");
    values.push_back(value);
  }
  return json({{"MetricDataResults",
                {{{"Id", "web"},
                  {"Label", label},
                  {"Timestamps", times},
                  {"Values", values},
                  {"StatusCode", "Complete"}}}}})
      .dump();
}

}  // namespace

TEST_CASE("a Sum over 5-minute periods is read as each period's mean LCU, not 5 times it") {
  // ConsumedLCUs is published per minute: a Sum of 500 over 5 minutes is 100 LCU a minute. Over
  // 2 AZs that is 50 per AZ, 2 nodes of 25 LCU each: 4 nodes (read as 500 LCU it would be 10 per
  // AZ, 20). The same traffic as Average (100) gives the same 4.
  const test::ScratchFolder folder("sum-periods");
  json doc = one_lb({{"trace", {{"file", "m.json"}}}}, "30m");
  doc["start"] = "2026-11-23T00:00:00Z";
  const std::string file = folder.write("s.json", doc.dump());
  const auto peak = [&](const std::string& metrics) {
    folder.write("m.json", metrics);
    return test::run_checked(load_scenario(file)).load_balancers[0].addresses.peak_total;
  };
  CHECK(peak(five_minute_data("web ConsumedLCUs Sum", 500)) == 4);
  CHECK(peak(five_minute_data("web ConsumedLCUs Average", 100)) == 4);
  // get-metric-statistics says its statistic itself.
  json points = json::array();
  for (int i = 0; i < 6; ++i)
    points.push_back({{"Timestamp", "2026-11-23T00:" + std::string(i < 2 ? "0" : "") +
                                        std::to_string(i * 5) + ":00Z"},
                      {"Sum", 500.0}});
  CHECK(peak(json({{"Label", "ConsumedLCUs"}, {"Datapoints", points}}).dump()) == 4);

  // The report says how the values were read.
  folder.write("m.json", five_minute_data("web ConsumedLCUs Sum", 500));
  const auto run = test::run_albsim({"run", file, "-q", "-o", (folder.dir / "out").string()});
  REQUIRE(run.code == 0);
  const json report = json::parse(test::read_text(folder.dir / "out" / "report.json"));
  CHECK(report["monthly"]["basis"] == "x1460 from 30m simulated");  // 730 h / 0.5 h
  const json& input = report["inputs"][0];
  CHECK(input["statistic"] == "Sum");
  CHECK(input["to_lcu"] == "Sum per 5m / 5 (each period's mean LCU per minute)");
  CHECK(input["plays_from"] == "2026-11-23T00:00:00Z");

  // A query that does not say its statistic, or one that counts datapoints, is refused.
  folder.write("m.json", five_minute_data("ConsumedLCUs", 500));
  const auto unsaid = test::run_albsim({"validate", file});
  CHECK(unsaid.code == 2);
  CHECK(unsaid.err.find("does not say which statistic its query used (Label \"ConsumedLCUs\"): "
                        "give \"statistic\". Export ConsumedLCUs with the Average (or Sum) "
                        "statistic over 60-second periods") != std::string::npos);
  folder.write("m.json", five_minute_data("web ConsumedLCUs SampleCount", 5));
  CHECK(test::run_albsim({"validate", file}).err.find("SampleCount counts datapoints") !=
        std::string::npos);
}

TEST_CASE("gaps in a CSV of counts are a declared rule, and warned of when undeclared") {
  // Per-minute counts as GROUP BY minute exports them: a 1-minute spike of 3,000 LCU at 00:00, 10
  // LCU at 00:01, then no row until 06:01 (10 LCU). Over 2 AZs, 3,000 LCU needs 60 nodes per AZ,
  // capped at 20: 40 nodes, and 10 LCU needs 1 per AZ. Read by MODEL.md's rule ("hold") the
  // 00:01 row holds to 06:01, so the spike lasts one minute either way; the same file with the
  // spike last (00:00 10 LCU, 00:01 3,000, 06:01 10) holds 3,000 LCU for 6 hours under "hold" and
  // for one minute under "zero". Peak nodes alike; what differs is the node-hours: under "zero"
  // the 00:01 minute's 40 nodes scale in after the cooldown, under "hold" they stay 6 h.
  const test::ScratchFolder folder("gaps");
  folder.write("t.csv",
               "minute,lcu\n2026-11-23T00:00:00Z,10\n2026-11-23T00:01:00Z,3000\n"
               "2026-11-23T06:01:00Z,10\n");
  json trace = {{"file", "t.csv"}, {"value_column", "lcu"}};
  json doc = one_lb({{"trace", trace}}, "6h");
  doc["start"] = "2026-11-23T00:00:00Z";
  doc["load_balancers"][0]["launch_delay"] = "0s";
  doc["load_balancers"][0]["drain_time"] = "0s";
  doc["load_balancers"][0]["scale_in_cooldown"] = "0s";
  const std::string file = folder.write("s.json", doc.dump());

  // No rule: a warning with the count, the longest gap and the mean each rule gives. The trace
  // spans 00:00 to 06:02. Hold: 10 x 1 + 3,000 x 360 + 10 x 1 minutes = 1,080,020 / 362 =
  // 2983.5 LCU. Zero: 10 + 3,000 + 10 = 3,020 / 362 = 8.34 LCU.
  const auto warned = test::run_albsim({"validate", file});
  CHECK(warned.code == 0);
  CHECK(warned.err.find("1 gap between samples (5h59m without one) holds the sample before it, "
                        "MODEL.md's rule (mean 2983 LCU); read as no traffic they give a mean of "
                        "8.34 LCU") != std::string::npos);
  // Under "hold", 40 nodes from 00:01 to the horizon: 40 x 359 min + 2 x 1 min of managed
  // address-time. Under "zero", 40 nodes for the one minute 00:01-00:02, 2 nodes otherwise:
  // (40 x 1 + 2 x 359) min.
  const auto managed_minutes = [&](const char* rule) {
    doc["load_balancers"][0]["demand"]["trace"]["gaps"] = rule;
    folder.write("s.json", doc.dump());
    const Report r = test::run_checked(load_scenario(file));
    return r.load_balancers[0].addresses.managed_address_hours * 60;
  };
  CHECK(managed_minutes("hold") == Approx(40.0 * 359 + 2 * 1));
  CHECK(managed_minutes("zero") == Approx(40.0 * 1 + 2 * 359));
  doc["load_balancers"][0]["demand"]["trace"]["gaps"] = "zero";
  folder.write("s.json", doc.dump());
  const auto quiet = test::run_albsim({"validate", file});
  CHECK(quiet.err.find("between samples") == std::string::npos);
}

TEST_CASE("one recorded path is not a sample: replications of it run once, and say how to sample") {
  // 400 replications of a fixed trace would print a Wilson interval over identical copies,
  // [0.0%, 1.0%] (z^2 / (400 + z^2) = 0.0095), as if it were evidence.
  const test::ScratchFolder folder("one-path");
  folder.write("t.csv", "time,lcu\n2021-08-01T00:00:00Z,10\n2021-08-01T01:00:00Z,10\n");
  json doc = one_lb({{"trace", {{"file", "t.csv"}, {"value_column", "lcu"}}}}, "2h");
  doc["replications"] = 400;
  const std::string file = folder.write("s.json", doc.dump());
  const auto r = test::run_albsim({"run", file, "-o", (folder.dir / "out").string()});
  REQUIRE(r.code == 0);
  CHECK(r.err.find("/replications: 400 replications of a scenario with no random element would "
                   "repeat one path: running 1, whose figures are exact for that path") !=
        std::string::npos);
  CHECK(r.err.find("give the trace \"bootstrap\": {\"block\": \"1d\"} or \"align\": \"random\"") !=
        std::string::npos);
  CHECK(r.out.find("Across") == std::string::npos);  // no interval
  const json report = json::parse(test::read_text(folder.dir / "out" / "report.json"));
  CHECK_FALSE(report.contains("distribution"));
  // With a random align the 400 are a sample.
  doc["load_balancers"][0]["demand"]["trace"]["align"] = "random";
  folder.write("s.json", doc.dump());
  CHECK(load_scenario(file).replications == 400);
}

TEST_CASE("one BYOIP story: run and plan charge the same ownership, and the break-even buys it") {
  // tests/plan/two_nodes.json (a /28 carved from the corp /24, 730 h) at $25 an address over 60
  // months. The /24 to buy: 256 x 25 / 60 = $106.67 a month, in run (MODEL.md §6: top-level
  // pools) and for the plan's BYOIP /28 alike, and the break-even's purchase is 256 x 25 = $6,400.
  // Owned: the /28's share, 16 x 25 / 60 = $6.67 a month, and a purchase of 16 x 25 = $400.
  for (const bool owned : {false, true}) {
    INFO(owned);
    const std::vector<Override> prices = {{"/pricing/byoip_price_per_address", "25"},
                                          {"/pricing/byoip_amortize_months", "60"},
                                          {"/pricing/byoip_owned", owned ? "true" : "false"}};
    const double monthly = (owned ? 16 : 256) * 25 / 60.0;
    const Scenario scenario = load_scenario(test::source_path("tests/plan/two_nodes.json"), prices);
    CHECK(test::run_checked(scenario).cost.byoip_ownership == Approx(monthly));  // 730 h
    PlanOptions o;
    o.scenario_path = test::source_path("tests/plan/two_nodes.json");
    o.overrides = prices;
    o.pool = "edge";
    o.netmask_min = o.netmask_max = 28;
    const PlanResult p = plan(o);
    const auto byoip = std::find_if(p.candidates.begin(), p.candidates.end(),
                                    [](const CandidateResult& c) { return c.name == "BYOIP /28"; });
    REQUIRE(byoip != p.candidates.end());
    CHECK(byoip->cost.byoip_ownership == Approx(monthly));
    REQUIRE_FALSE(p.break_even.empty());
    CHECK(p.break_even[0].purchase == Approx(owned ? 400 : 6400));
    CHECK(p.break_even[0].owned == owned);
  }
}

TEST_CASE("dead ends: a zoneless trace takes a time_zone, bare counts say how to convert") {
  // The Azure LLM trace's shape: timestamps without a zone. "+02:00" puts 10:00 local at 08:00
  // UTC; with "start" at 08:00Z the run plays the 100 LCU row at once: 50 per AZ, 2 nodes each,
  // 4 (the 10 LCU rows need 1 per AZ).
  const test::ScratchFolder folder("zones");
  auto [doc, file] = lcu_trace(folder,
                               "TIMESTAMP,lcu\n2026-11-23 09:00:00.000,10\n2026-11-23 "
                               "10:00:00.000,100\n2026-11-23 11:00:00.000,10\n",
                               "2026-11-23T08:00:00Z", "1h");
  const auto zoneless = test::run_albsim({"validate", file});
  CHECK(zoneless.code == 2);
  CHECK(zoneless.err.find("has no zone, so it could be UTC or any local time: give the trace "
                          "\"time_zone\"") != std::string::npos);
  doc["load_balancers"][0]["demand"]["trace"]["time_zone"] = "+02:00";
  folder.write("s.json", doc.dump());
  CHECK(test::run_checked(load_scenario(file)).load_balancers[0].addresses.peak_total == 4);
  doc["load_balancers"][0]["demand"]["trace"]["time_zone"] = "Europe/Paris";
  folder.write("s.json", doc.dump());
  CHECK(test::run_albsim({"validate", file})
            .err.find("a named zone (Europe/Paris) changes its "
                      "offset with daylight saving time") != std::string::npos);

  // Per-second counts, whitespace-separated on one line: no header to name a column.
  folder.write("counts.txt", "12 15 9 30 22\n");
  doc["load_balancers"][0]["demand"]["trace"] = {{"file", "counts.txt"}, {"value_column", "n"}};
  folder.write("s.json", doc.dump());
  const auto bare = test::run_albsim({"validate", file});
  CHECK(bare.code == 2);
  CHECK(bare.err.find("counts.txt line 1: holds numbers, not column names") != std::string::npos);
  CHECK(bare.err.find("\"time_unit\": \"index\"") != std::string::npos);
}

TEST_CASE("dead ends: wrapped AWS output and a neighbouring command are named, with the fix") {
  const test::ScratchFolder folder("wrapped");
  const json pools = {{"IpamPools",
                       {{{"IpamPoolId", "ipam-pool-1"},
                         {"AddressFamily", "ipv4"},
                         {"IpamScopeType", "public"},
                         {"Locale", "us-east-1"}}}}};
  const std::string wrapped =
      folder.write("wrapped.json", json({{"status_code", 200}, {"data", pools}}).dump());
  const std::string out = (folder.dir / "s.json").string();
  const std::string lbs = folder.write("lbs.json", R"({"LoadBalancers": []})");
  auto r = test::run_albsim(
      {"import", "aws", "--ipam-pools", wrapped, "--load-balancers", lbs, "-o", out});
  CHECK(r.code == 2);
  CHECK(r.err.find("wrapped.json: /IpamPools: missing: this option takes the output of aws ec2 "
                   "describe-ipam-pools (\"IpamPools\": [...]); here it is wrapped under \"data\" "
                   "by the tool that ran it: pass that object alone (jq '.data' FILE)") !=
        std::string::npos);
  const std::string addresses = folder.write(
      "addresses.json",
      json({{"Addresses", {{{"PublicIp", "203.0.113.7"}, {"AllocationId", "eipalloc-1"}}}}})
          .dump());
  r = test::run_albsim(
      {"import", "aws", "--ipam-pools", addresses, "--load-balancers", lbs, "-o", out});
  CHECK(r.code == 2);
  CHECK(r.err.find("this file is the output of aws ec2 describe-addresses (\"Addresses\")") !=
        std::string::npos);
}

TEST_CASE("shapes users keep: Athena, Logs Insights, Prometheus and Grafana exports") {
  // Each holds the same two minutes: 1,500 then 3,000 requests at 2025-11-23T00:00Z and 00:01Z,
  // 1 and 2 LCU at one new connection per request (1,500 / 60 s / 25). Played from the trace's
  // first sample (the scenario's start), the run's first minute is 1 LCU, its second 2.
  const test::ScratchFolder folder("shapes");
  const auto series = [&](const std::string& file, const std::string& text, json trace) {
    folder.write(file, text);
    trace["file"] = file;
    json doc = one_lb({{"trace", trace}}, "2m");
    doc["start"] = "2025-11-23T00:00:00Z";
    const std::string path = folder.write("s.json", doc.dump());
    return *load_scenario(path).load_balancers[0].demand.trace.series;
  };
  const json requests = {{"requests_column", "requests"}};
  const std::int64_t t0 = *parse_iso8601("2025-11-23T00:00:00Z");
  const auto check = [&](const TraceSeries& s) {
    CHECK(s.epoch_times);
    CHECK(s.times_ms == std::vector<std::int64_t>{t0, t0 + 60'000});
    REQUIRE(s.values.size() == 2);
    CHECK(s.values[0] == Approx(1.0));
    CHECK(s.values[1] == Approx(2.0));
  };
  // Athena over the ALB access logs (timestamp with time zone prints " UTC"), quoted.
  check(series("athena.csv",
               "\"minute\",\"requests\"\n\"2025-11-23 00:00:00.000 UTC\",\"1500\"\n"
               "\"2025-11-23 00:01:00.000 UTC\",\"3000\"\n",
               {{"lcu", requests}}));
  // CloudWatch Logs Insights exported as CSV: `stats count(*) as requests by bin(1m)`, times
  // without a zone (UTC).
  check(series("insights.csv",
               "bin(1m),requests\n2025-11-23 00:00:00.000,1500\n2025-11-23 00:01:00.000,3000\n",
               {{"time_column", "bin(1m)"}, {"time_zone", "Z"}, {"lcu", requests}}));
  // A Prometheus range query made CSV (Unix seconds), and Grafana's CSV (Unix milliseconds).
  check(series("prometheus.csv", "t,requests\n1763856000,1500\n1763856060,3000\n",
               {{"time_unit", "unix_s"}, {"lcu", requests}}));
  check(series("grafana.csv", "Time,requests\n1763856000000,1500\n1763856060000,3000\n",
               {{"time_unit", "unix_ms"}, {"lcu", requests}}));
  // The Prometheus answer as it comes, and Logs Insights JSON, are named with the way out.
  folder.write("prometheus.json",
               R"({"status": "success", "data": {"resultType": "matrix", "result": [)"
               R"({"metric": {}, "values": [[1763856000, "1"]]}]}})");
  json doc = one_lb({{"trace", {{"file", "prometheus.json"}}}}, "2m");
  const std::string file = folder.write("s.json", doc.dump());
  CHECK(test::run_albsim({"validate", file})
            .err.find("this is a Prometheus query answer: make it a CSV with jq") !=
        std::string::npos);
}
