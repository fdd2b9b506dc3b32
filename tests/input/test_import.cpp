// `albsim import aws`: the AWS CLI documentation examples, and files written to stress it
// (paging, missing optional fields, pools in other regions, non-ALB load balancers).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "albsim/load_scenario.hpp"
#include "core/calendar.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace albsim;
using nlohmann::json;

namespace {

test::CliResult cli(const std::vector<std::string>& args) {
  return test::run_albsim(args);
}

fs::path dir() {
  const fs::path d = test::scratch_path("import");
  fs::create_directories(d);
  return d;
}

std::string put(const std::string& name, const json& content) {
  const fs::path p = dir() / name;
  std::ofstream(p) << content.dump();
  return p.string();
}

json read(const fs::path& p) {
  std::ifstream in(p);
  return json::parse(in);
}

std::string example(const std::string& name) {
  return test::source_path("tests/data/aws/" + name);
}

}  // namespace

TEST_CASE("import the AWS CLI documentation examples") {
  const fs::path out = dir() / "examples.json";
  fs::remove(out);
  // The get-metric-data example is an EC2 IOPS expression: nothing says it is LCU, so the
  // import refuses to take it as demand until told what it counts.
  std::vector<std::string> args = {"import",
                                   "aws",
                                   "--ipam-pools",
                                   example("describe-ipam-pools.json"),
                                   "--load-balancers",
                                   example("describe-load-balancers.json"),
                                   "--metrics",
                                   example("get-metric-data.json"),
                                   "-o",
                                   out.string()};
  const auto refused = cli(args);
  CHECK(refused.code == 2);
  CHECK(refused.err ==
        "albsim: " + example("get-metric-data.json") +
            ": /MetricDataResults/0: cannot tell which metric result \"m3\" (Label \"Avg Total "
            "IOPS\") is: add --metric-as lcu if it is ConsumedLCUs, or --metric-as requests if it "
            "is RequestCount (Sum per period)\n");
  CHECK_FALSE(fs::exists(out));
  args.insert(args.end(), {"--metric-as", "lcu"});
  const auto r = cli(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("my-load-balancer: no IpamPools (it takes AWS-managed addresses); imported on "
                   "no pool") != std::string::npos);
  CHECK(r.err.find("skipped pool ipam-pool-02ec043a19bbe5d08: private scope") != std::string::npos);
  const json s = read(out);
  CHECK(s["region"] == "us-west-2");  // from the load balancer's ARN
  CHECK(s["pools"].empty());
  const json& lb = s["load_balancers"][0];
  CHECK(lb["id"] == "my-load-balancer");
  CHECK(lb["azs"] == json({"us-west-2a", "us-west-2b"}));
  CHECK_FALSE(lb.contains("pool"));
  CHECK(lb["demand"]["trace"]["metric"] == "m3");  // the only result
  CHECK_NOTHROW(load_scenario(out.string()));
  // get-ipam-pool-cidrs does not name its pool, and no public pool was imported.
  const auto bad = cli({"import", "aws", "--ipam-pools", example("describe-ipam-pools.json"),
                        "--pool-cidrs", example("get-ipam-pool-cidrs.json"), "--load-balancers",
                        example("describe-load-balancers.json"), "-o", out.string()});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("--pool-cidrs: " + example("get-ipam-pool-cidrs.json") +
                     ": no public IPv4 pool was imported to give it to") != std::string::npos);
}

TEST_CASE(
    "import a BYOIP tree, an Amazon pool and ALBs, across pages, skipping what does not apply") {
  const std::string pools1 = put(
      "pools1.json",
      {{"IpamPools",
        {{{"IpamPoolId", "ipam-pool-top"},
          {"IpamScopeType", "public"},
          {"AddressFamily", "ipv4"},
          {"Locale", "None"},
          {"PublicIpSource", "byoip"},
          {"PoolDepth", 1}},
         {{"IpamPoolId", "ipam-pool-use1"},
          {"SourceIpamPoolId", "ipam-pool-top"},
          {"IpamScopeType", "public"},
          {"AddressFamily", "ipv4"},
          {"Locale", "us-east-1"}},
         {{"IpamPoolId", "ipam-pool-v6"}, {"AddressFamily", "ipv6"}, {"IpamScopeType", "public"}}}},
       {"NextToken", "page-2"}});
  const std::string pools2 = put("pools2.json", {{"IpamPools",
                                                  {{{"IpamPoolId", "ipam-pool-euw1"},
                                                    {"SourceIpamPoolId", "ipam-pool-top"},
                                                    {"AddressFamily", "ipv4"},
                                                    {"IpamScopeType", "public"},
                                                    {"Locale", "eu-west-1"}},
                                                   {{"IpamPoolId", "ipam-pool-amz"},
                                                    {"AddressFamily", "ipv4"},
                                                    {"IpamScopeType", "public"},
                                                    {"Locale", "us-east-1"},
                                                    {"PublicIpSource", "amazon"}},
                                                   {{"IpamPoolId", "ipam-pool-private"},
                                                    {"AddressFamily", "ipv4"},
                                                    {"IpamScopeType", "private"}}}}});
  const std::string top =
      put("top.json", {{"IpamPoolCidrs",
                        {{{"Cidr", "203.0.113.0/24"}, {"State", "provisioned"}},
                         {{"Cidr", "198.51.100.0/24"}, {"State", "pending-provision"}}}}});
  const std::string use1 =
      put("use1.json", {{"IpamPoolCidr", {{"Cidr", "203.0.113.0/27"}, {"State", "provisioned"}}}});
  const std::string euw1 = put("euw1.json", {{"IpamPoolCidrs", {{{"Cidr", "203.0.113.64/27"}}}}});
  const std::string amz =
      put("amz.json", {{"IpamPoolCidrs", {{{"Cidr", "192.0.2.0/29"}, {"NetmaskLength", 29}}}}});
  const std::string allocs = put(
      "allocs.json",
      {{"IpamPoolAllocations",
        {{{"Cidr", "203.0.113.0/32"},
          {"ResourceType", "eip"},
          {"ResourceId", "eipalloc-1"},
          {"Description", "ELB app/checkout/50dc6c495c0c9188"}},
         {{"Cidr", "203.0.113.1/32"}, {"ResourceType", "eip"}, {"ResourceId", "eipalloc-nat-a"}},
         {{"Cidr", "203.0.113.2/31"}, {"ResourceType", "custom"}, {"ResourceId", "ipam-res-1"}}}}});
  const std::string top_allocs = put("top-allocs.json", {{"IpamPoolAllocations",
                                                          {{{"Cidr", "203.0.113.0/27"},
                                                            {"ResourceType", "ipam-pool"},
                                                            {"ResourceId", "ipam-pool-use1"}}}}});
  const std::string arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/";
  const std::string lbs = put(
      "lbs.json",
      {{"LoadBalancers",
        {{{"LoadBalancerName", "checkout"},
          {"Type", "application"},
          {"Scheme", "internet-facing"},
          {"LoadBalancerArn", arn + "app/checkout/1"},
          {"IpamPools", {{"Ipv4IpamPoolId", "ipam-pool-use1"}}},
          {"AvailabilityZones",
           {{{"ZoneName", "us-east-1a"}},
            {{"ZoneName", "us-east-1b"}},
            {{"ZoneName", "us-east-1c"}}}}},
         {{"LoadBalancerName", "edge-nlb"}, {"Type", "network"}, {"Scheme", "internet-facing"}},
         {{"LoadBalancerName", "intranet"}, {"Type", "application"}, {"Scheme", "internal"}},
         {{"LoadBalancerName", "euro"},
          {"Type", "application"},
          {"Scheme", "internet-facing"},
          {"LoadBalancerArn", arn + "app/euro/2"},
          {"IpamPools", {{"Ipv4IpamPoolId", "ipam-pool-euw1"}}},
          {"AvailabilityZones", {{{"ZoneName", "us-east-1a"}}, {{"ZoneName", "us-east-1b"}}}}}}}});
  const std::string metrics =
      put("metrics.json",
          {{"MetricDataResults",
            {{{"Id", "m1"},
              {"Label", "checkout ConsumedLCUs Average"},
              {"Timestamps", {"2026-11-23T00:05:00+00:00", "2026-11-23T00:00:00+00:00"}},
              {"Values", {12.5, 10.0}},
              {"StatusCode", "Complete"}},
             {{"Id", "m2"},
              {"Label", "other"},
              {"Timestamps", json::array()},
              {"Values", json::array()}}}}});
  const fs::path out = dir() / "tree.json";
  const auto r = cli({"import",
                      "aws",
                      "--ipam-pools",
                      pools1,
                      "--ipam-pools",
                      pools2,
                      "--pool-cidrs",
                      "ipam-pool-top=" + top,
                      "--pool-cidrs",
                      "ipam-pool-use1=" + use1,
                      "--pool-cidrs",
                      "ipam-pool-euw1=" + euw1,
                      "--pool-cidrs",
                      "ipam-pool-amz=" + amz,
                      "--allocations",
                      "ipam-pool-use1=" + allocs,
                      "--allocations",
                      "ipam-pool-top=" + top_allocs,
                      "--load-balancers",
                      lbs,
                      "--metrics",
                      metrics,
                      "-o",
                      out.string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json s = read(out);
  CHECK(s["region"] == "us-east-1");
  std::vector<std::string> ids;
  for (const json& p : s["pools"]) ids.push_back(p["id"]);
  CHECK(ids == std::vector<std::string>{"ipam-pool-top", "ipam-pool-use1", "ipam-pool-euw1",
                                        "ipam-pool-amz"});
  CHECK(s["pools"][0]["source"] == "byoip");
  CHECK(s["pools"][0]["cidrs"] == json({"203.0.113.0/24"}));  // pending CIDR left out
  // A CIDR output without its pool's id, when four pools were imported: which ones.
  const auto unnamed = cli({"import", "aws", "--ipam-pools", pools1, "--ipam-pools", pools2,
                            "--allocations", allocs, "--load-balancers", lbs, "-o", out.string()});
  CHECK(unnamed.code == 2);
  CHECK(unnamed.err.find("write POOL_ID=FILE, POOL_ID one of ipam-pool-top, ipam-pool-use1, "
                         "ipam-pool-euw1, ipam-pool-amz\n") != std::string::npos);
  CHECK(s["pools"][1]["parent"] == "ipam-pool-top");
  CHECK(s["pools"][1]["cidrs"] == json({"203.0.113.0/27"}));  // singular IpamPoolCidr form
  CHECK(s["pools"][3]["source"] == "amazon");
  // The NAT EIP (1 address) and the custom /31 (2) become reservations; the ALB's EIP and the
  // child pool's allocation do not.
  CHECK(s["reservations"].size() == 2);
  CHECK(s["reservations"][0]["count"] == 1);
  CHECK(s["reservations"][1]["count"] == 2);
  REQUIRE(s["load_balancers"].size() == 2);
  CHECK(s["load_balancers"][0]["pool"] == "ipam-pool-use1");
  CHECK(s["load_balancers"][0]["demand"]["trace"]["metric"] == "m1");
  CHECK_FALSE(s["load_balancers"][1].contains("pool"));  // its pool is in eu-west-1
  for (const char* note :
       {"skipped pool ipam-pool-v6: IPv6", "skipped pool ipam-pool-private: private scope",
        "skipped edge-nlb: a network load balancer", "skipped intranet: internal",
        "euro: pool ipam-pool-euw1 is not in us-east-1", "skipped 1 ALB node addresses",
        "euro: no metric result names it"})
    CHECK(r.err.find(note) != std::string::npos);
  const Scenario scenario = load_scenario(out.string());
  CHECK(scenario.load_balancers[0].demand.trace.series->values == std::vector<double>{10.0, 12.5});
  CHECK(test::run_checked(scenario).load_balancers[0].addresses.peak_total == 3);
}

TEST_CASE("import reports a page that promises more, and bad files in one line") {
  const std::string pools =
      put("paged.json", {{"IpamPools", json::array()}, {"NextToken", "more"}});
  const std::string lbs = put("nolbs.json", {{"LoadBalancers", json::array()}});
  const fs::path out = dir() / "paged-out.json";
  auto r =
      cli({"import", "aws", "--ipam-pools", pools, "--load-balancers", lbs, "-o", out.string()});
  CHECK(r.code == 2);  // no load balancer: the written scenario would not validate
  CHECK(r.err.find("/load_balancers: needs at least one load balancer") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  r = cli({"import", "aws", "--ipam-pools", lbs, "--load-balancers", lbs, "-o", out.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("/IpamPools: missing") != std::string::npos);
}

namespace {

// One ALB, no IPAM: the smallest import a new user makes.
std::string one_alb() {
  return put(
      "one-alb.json",
      {{"LoadBalancers",
        {{{"LoadBalancerName", "web"},
          {"Type", "application"},
          {"Scheme", "internet-facing"},
          {"LoadBalancerArn",
           "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"},
          {"AvailabilityZones", {{{"ZoneName", "eu-west-1a"}}, {{"ZoneName", "eu-west-1b"}}}}}}}});
}

json data_result(const std::string& id, const std::string& label) {
  return {{"Id", id},
          {"Label", label},
          {"Timestamps", {"2026-11-23T00:01:00+00:00", "2026-11-23T00:00:00+00:00"}},
          {"Values", {3000.0, 1500.0}}};
}

}  // namespace

TEST_CASE("import refuses to guess which metric is the demand, and what it counts") {
  const fs::path out = dir() / "guess.json";
  fs::remove(out);
  // ConsumedLCUs and RequestCount both labelled for web: exit 2 naming both.
  const std::string two = put("two.json", {{"MetricDataResults",
                                            {data_result("lcu", "web ConsumedLCUs Average"),
                                             data_result("req", "web RequestCount Sum")}}});
  auto r =
      cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", two, "-o", out.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("results \"lcu\" (Label \"web ConsumedLCUs Average\") and \"req\" (Label "
                   "\"web RequestCount Sum\") could both be web's demand; choose one with "
                   "--metric ID") != std::string::npos);
  CHECK_FALSE(fs::exists(out));

  // --metric chooses; no --ipam-pools needed (an account without IPAM).
  r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", two, "--metric", "lcu",
           "-o", out.string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  json s = read(out);
  CHECK(s["pools"].empty());
  CHECK(s["load_balancers"][0]["demand"]["trace"] ==
        json({{"file", "two.json"}, {"metric", "lcu"}, {"statistic", "Average"}}));
  CHECK(r.err.find("web: no IpamPools") != std::string::npos);
  // Run, the summary says "no pool" where a breach of an allowlist nobody has would be.
  const fs::path run_dir = dir() / "guess-run";
  const auto run = cli({"run", out.string(), "--out", run_dir.string(), "--set", "/horizon=\"1h\"",
                        "--replications", "3"});
  REQUIRE(run.code == 0);
  CHECK(run.out.find(" 0     40       no pool       -         -            -   ") !=
        std::string::npos);  // 1,500 and 3,000 LCU: 40 nodes (2 AZs x 20), none from a pool
  CHECK(run.out.find("Allowlist (fleet): none (no load balancer draws from a pool") !=
        std::string::npos);
  // One recorded path, replicated, is one path: run once, and said so.
  CHECK(run.err.find("/replications: 3 replications of a scenario with no random element would "
                     "repeat one path: running 1") != std::string::npos);
  CHECK(run.out.find("Across") == std::string::npos);

  // RequestCount needs --metric-as requests; then LCU = requests / 60 s / 25 per sample.
  r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", two, "--metric", "web=req",
           "-o", out.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("is RequestCount, not ConsumedLCUs: add --metric-as requests") !=
        std::string::npos);
  r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", two, "--metric", "web=req",
           "--metric-as", "requests", "-o", out.string()});
  REQUIRE(r.code == 0);
  const Scenario scenario = load_scenario(out.string());
  // 1500 and 3000 requests a minute: 25 and 50 requests/s, 1 and 2 LCU.
  const std::vector<double> lcu = scenario.load_balancers[0].demand.trace.series->values;
  REQUIRE(lcu.size() == 2);
  CHECK(lcu[0] == Approx(1.0).epsilon(1e-12));
  CHECK(lcu[1] == Approx(2.0).epsilon(1e-12));
  CHECK(r.err.find("converted from requests to LCU") != std::string::npos);

  r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", two, "--metric", "nope",
           "-o", out.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("--metric: nope: no result of") != std::string::npos);
}

TEST_CASE("import takes every page of a get-metric-data query, and refuses a part of one") {
  const fs::path out = dir() / "paged.json";
  // The AWS CLI's merged pages: query "lcu" twice (the newer page first, PartialData), each page
  // with a page of "req". Minutes 3, 2 then 1, 0; ConsumedLCUs equal to the minute.
  auto page = [](const std::string& status, int newer, int older) {
    auto at = [](int m) { return "2026-11-23T00:0" + std::to_string(m) + ":00+00:00"; };
    return json::array({{{"Id", "lcu"},
                         {"Label", "web ConsumedLCUs Average"},
                         {"StatusCode", status},
                         {"Timestamps", {at(newer), at(older)}},
                         {"Values", {newer, older}}},
                        {{"Id", "req"},
                         {"Label", "web RequestCount Sum"},
                         {"StatusCode", status},
                         {"Timestamps", {at(newer)}},
                         {"Values", {60}}}});
  };
  auto pages = [&](const std::string& last) {
    json results = page("PartialData", 3, 2);
    for (const json& r : page(last, 1, 0)) results.push_back(r);
    return json{{"MetricDataResults", results}, {"Messages", json::array()}};
  };
  // Two queries, not four results: --metric lcu chooses, and the trace reads all 4 minutes.
  const std::string whole = put("paged-metrics.json", pages("Complete"));
  auto r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", whole, "--metric",
                "lcu", "-o", out.string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const Scenario scenario = load_scenario(out.string());
  CHECK(scenario.load_balancers[0].demand.trace.series->values == std::vector<double>{0, 1, 2, 3});
  // The run plays the trace's own dates: it starts at the first sample, 00:00, and lasts its
  // span, 4 one-minute samples (an hour of default horizon would hold the last for 56 minutes).
  CHECK(scenario.start_epoch_ms == parse_iso8601("2026-11-23T00:00:00Z"));
  CHECK(scenario.horizon == SimTime::from_seconds(240));
  CHECK_THAT(r.err, Catch::Contains("note: horizon 4m from 2026-11-23T00:00:00Z: the span of the "
                                    "--metrics traces (--horizon sets another)"));
  r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", whole, "--metric", "lcu",
           "--horizon", "2h", "-o", out.string()});
  REQUIRE(r.code == 0);
  CHECK(load_scenario(out.string()).horizon == SimTime::from_seconds(7200));
  CHECK(load_scenario(out.string()).start_epoch_ms == parse_iso8601("2026-11-23T00:00:00Z"));
  // Without --metric the two queries are named once each.
  r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", whole, "-o", out.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("results \"lcu\" (Label \"web ConsumedLCUs Average\") and \"req\" (Label "
                   "\"web RequestCount Sum\") could both be web's demand") != std::string::npos);
  // The last page saved alone with --no-paginate: PartialData, refused at import.
  fs::remove(out);
  const std::string partial = put("partial-metrics.json", pages("PartialData"));
  r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", partial, "--metric", "lcu",
           "-o", out.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find(partial + ": /MetricDataResults/0: result \"lcu\" is part of its data "
                             "(StatusCode PartialData)") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("import reads get-metric-statistics output, the AWS CLI example as printed") {
  const fs::path out = dir() / "statistics.json";
  // The documentation example: CPUUtilization Maximum per hour, datapoints out of order.
  const std::string file = example("get-metric-statistics.json");
  auto r =
      cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", file, "-o", out.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("cannot tell which metric the datapoints (Label \"CPUUtilization\") is") !=
        std::string::npos);
  r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", file, "--metric-as", "lcu",
           "-o", out.string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json s = read(out);
  CHECK(s["load_balancers"][0]["demand"]["trace"]["statistic"] == "Maximum");
  const Scenario scenario = load_scenario(out.string());
  const TraceSeries& series = *scenario.load_balancers[0].demand.trace.series;
  REQUIRE(series.values.size() == 23);  // 23 hourly datapoints (the example lacks one hour)
  CHECK(series.period_ms == 3'600'000);
  // Sorted by time: the first is 2014-04-08T23:18:00Z.
  CHECK(series.times_ms.front() == 1396999080000);
  CHECK(std::is_sorted(series.times_ms.begin(), series.times_ms.end()));
  // RequestCount as requests needs the Sum statistic.
  r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", file, "--metric-as",
           "requests", "-o", out.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("needs the Sum statistic") != std::string::npos);
  // Several statistics: --statistic chooses.
  const std::string both =
      put("both-stats.json",
          {{"Label", "ConsumedLCUs"},
           {"Datapoints",
            {{{"Timestamp", "2026-11-23T00:01:00Z"}, {"Sum", 4.0}, {"Average", 2.0}},
             {{"Timestamp", "2026-11-23T00:00:00Z"}, {"Sum", 6.0}, {"Average", 3.0}}}}});
  r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", both, "-o", out.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("holds several statistics (Sum, Average); choose one with --statistic") !=
        std::string::npos);
  r = cli({"import", "aws", "--load-balancers", one_alb(), "--metrics", both, "--statistic",
           "Average", "-o", out.string()});
  REQUIRE(r.code == 0);
  CHECK(load_scenario(out.string()).load_balancers[0].demand.trace.series->values ==
        std::vector<double>{3.0, 2.0});
}
