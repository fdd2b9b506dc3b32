// albsim observe: hand-written AWS CLI outputs with values derived by hand, round trips through
// a simulated run exported as AWS records it, and bad observations refused with exit 2.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "albsim/input_error.hpp"
#include "observe/export_observed.hpp"
#include "observe/observe.hpp"
#include "observe/replay.hpp"
#include "report/assemble_report.hpp"
#include "support.hpp"

using namespace albsim;
using Json = nlohmann::json;

namespace {

Report observe_with(const Scenario& scenario, const ObserveRequest& request) {
  const ObservedScenario observed = observed_scenario(scenario, request);
  const Observation observation = read_observation(request, observed);
  return assemble_report(
      observed.scenario,
      replay_observation(observed.scenario, observation, observed.window, SimTime(), nullptr));
}

Report simulate_logged(const Scenario& scenario, test::RecordingLog& log) {
  SimulationOptions options;
  options.check_invariants = true;
  options.address_log = &log;
  return simulate(scenario, options);
}

// A BYOIP /24 (the smallest AWS advertises) and a regional pool carved from it.
Json corp(const std::string& cidr) {
  return {{"id", "corp"}, {"source", "byoip"}, {"cidrs", {cidr}}};
}
Json child(const std::string& id, const std::string& parent, const std::string& cidr) {
  return {{"id", id}, {"parent", parent}, {"locale", "us-east-1"}, {"cidrs", {cidr}}};
}

// Three parameter sets. A: no launch, drain or release delay, so a node is in DNS exactly while
// it holds its address; a /29 that runs dry (managed fallback). B: AWS's default delays, a
// release delay, replacement every day. C: two load balancers on pools of their own.
Json scenario_a() {
  return {{"name", "a"},
          {"start", "2025-03-01T00:00:00Z"},
          {"horizon", "3d"},
          {"seed", 11},
          {"pools", {corp("198.51.100.0/24"), child("p", "corp", "198.51.100.0/29")}},
          {"load_balancers",
           {{{"id", "web"},
             {"pool", "p"},
             {"azs", {"us-east-1a", "us-east-1b"}},
             {"node_capacity_lcu", 10},
             {"launch_delay", "0s"},
             {"drain_time", "0s"},
             {"scale_in_cooldown", "5m"},
             {"replacement", {{"mean", "12h"}}},
             {"demand",
              {{"diurnal", {{"base", 50}, {"amplitude", 0.6}, {"peak_hour", 15}}},
               {"noise", {{"sigma", 0.1}}}}}}}}};
}

Json scenario_b() {
  Json s = scenario_a();
  s["name"] = "b";
  s["pools"][1]["cidrs"] = {"198.51.100.0/28"};
  s["pools"][1]["release_delay"] = "10m";
  Json& lb = s["load_balancers"][0];
  lb.erase("launch_delay");
  lb.erase("drain_time");
  lb["replacement"] = {{"every", "1d"}};
  return s;
}

Json scenario_c() {
  Json s = scenario_a();
  s["name"] = "c";
  s["pools"] = {corp("198.51.100.0/24"), child("p1", "corp", "198.51.100.0/27"),
                child("p2", "corp", "198.51.100.128/27")};
  Json lb2 = s["load_balancers"][0];
  s["load_balancers"][0]["pool"] = "p1";
  lb2["id"] = "api";
  lb2["pool"] = "p2";
  lb2["launch_delay"] = {{"uniform", {"1m", "3m"}}};
  lb2["drain_time"] = "2m";
  lb2["replacement"] = {{"every", "6h"}};
  s["load_balancers"].push_back(lb2);
  return s;
}

void check_addresses_equal(const Report& observed, const Report& simulated) {
  REQUIRE(observed.load_balancers.size() == simulated.load_balancers.size());
  for (std::size_t i = 0; i < simulated.load_balancers.size(); ++i) {
    const AddressMetrics& o = observed.load_balancers[i].addresses;
    const AddressMetrics& s = simulated.load_balancers[i].addresses;
    CHECK(o.peak_total == s.peak_total);
    CHECK(o.peak_pool == s.peak_pool);
    CHECK(o.peak_managed == s.peak_managed);
    CHECK(o.pool_address_hours == Approx(s.pool_address_hours).epsilon(1e-12));
    CHECK(o.managed_address_hours == Approx(s.managed_address_hours).epsilon(1e-12));
    CHECK(o.managed_acquisitions == s.managed_acquisitions);
    CHECK(observed.load_balancers[i].outside_cidrs == simulated.load_balancers[i].outside_cidrs);
    CHECK(observed.load_balancers[i].cost.managed_ipv4 ==
          Approx(simulated.load_balancers[i].cost.managed_ipv4).epsilon(1e-12));
  }
  for (std::size_t p = 0; p < simulated.pools.size(); ++p) {
    CHECK(observed.pools[p].peak_in_use == simulated.pools[p].peak_in_use);
    CHECK(observed.pools[p].min_free == simulated.pools[p].min_free);
    CHECK(observed.pools[p].in_use_address_hours ==
          Approx(simulated.pools[p].in_use_address_hours).epsilon(1e-12));
    CHECK(observed.pools[p].exhaustion_episodes == simulated.pools[p].exhaustion_episodes);
    CHECK(observed.pools[p].exhausted_seconds == simulated.pools[p].exhausted_seconds);
  }
  CHECK(observed.cost.total == Approx(simulated.cost.total).epsilon(1e-12));
}

}  // namespace

TEST_CASE("observe: IPAM address history in the AWS CLI's shape, two pages, values by hand") {
  // A /30 regional pool of a BYOIP /24; over 12 h: 198.51.100.0 held 00:00-06:00, .1 from 00:00 on
  // (no end), the managed 3.3.3.3 02:00-03:00. Instance, VPC and IPv6 records are not nodes.
  const test::ScratchFolder folder("observe-fixture");
  const std::string page1 = folder.write("page1.json", R"({
  "HistoryRecords": [
    {"ResourceOwnerId": "123456789012", "ResourceRegion": "us-east-1",
     "ResourceType": "network-interface", "ResourceId": "eni-0a", "ResourceCidr": "198.51.100.0/32",
     "ResourceComplianceStatus": "unmanaged", "ResourceOverlapStatus": "nonoverlapping",
     "VpcId": "vpc-1", "SampledStartTime": "2025-03-01T00:00:00.000000+00:00",
     "SampledEndTime": "2025-03-01T06:00:00.000000+00:00"},
    {"ResourceType": "instance", "ResourceId": "i-0a", "ResourceCidr": "198.51.100.0/32",
     "SampledStartTime": "2025-03-01T00:00:00.000000+00:00"},
    {"ResourceType": "vpc", "ResourceId": "vpc-1", "ResourceCidr": "10.0.0.0/16",
     "SampledStartTime": "2021-12-08T19:54:57.675000+00:00"}
  ],
  "NextToken": "eyJ2IjoiMiJ9"
})");
  const std::string page2 = folder.write("page2.json", R"({
  "HistoryRecords": [
    {"ResourceType": "network-interface", "ResourceId": "eni-0b", "ResourceCidr": "198.51.100.1/32",
     "SampledStartTime": "2025-03-01T00:00:00Z"},
    {"ResourceType": "network-interface", "ResourceId": "eni-0c", "ResourceCidr": "3.3.3.3/32",
     "SampledStartTime": "2025-03-01T02:00:00Z", "SampledEndTime": "2025-03-01T03:00:00Z"},
    {"ResourceType": "network-interface", "ResourceId": "eni-0d", "ResourceCidr": "2600:1f18::1/128",
     "SampledStartTime": "2025-03-01T02:00:00Z"}
  ]
})");
  const Scenario scenario = test::scenario_from(
      Json{{"start", "2025-03-01T00:00:00Z"},
           {"horizon", "12h"},
           {"pools", {corp("198.51.100.0/24"), child("p", "corp", "198.51.100.0/30")}},
           {"load_balancers",
            {{{"id", "web"}, {"pool", "p"}, {"azs", {"a", "b"}}, {"demand", {{"constant", 1}}}}}}});
  ObserveRequest request;
  request.ipam_history = {page1, page2};
  const Report r = observe_with(scenario, request);
  const LoadBalancerReport& lb = r.load_balancers[0];
  CHECK(r.horizon_hours == 12);
  CHECK(lb.addresses.peak_total == 3);  // 02:00-03:00
  CHECK(lb.addresses.peak_pool == 2);
  CHECK(lb.addresses.peak_managed == 1);
  CHECK(lb.addresses.pool_address_hours == Approx(6 + 12));
  CHECK(lb.addresses.managed_address_hours == Approx(1));
  CHECK(lb.addresses.managed_acquisitions == 1);
  CHECK(lb.allowlist->breach_episodes == 1);
  CHECK(lb.allowlist->breach_seconds == Approx(3600));
  CHECK(*lb.allowlist->first_breach_s == Approx(7200));
  CHECK(lb.allowlist->dns_changes == 3);  // 02:00 in, 03:00 out, 06:00 out
  CHECK(*lb.allowlist->in_allowlist_ratio == Approx(18.0 / 19.0));
  CHECK(lb.outside_cidrs == std::vector<Cidr>{*parse_cidr("3.3.3.3/32").cidr});
  CHECK(lb.cost.managed_ipv4 == Approx(0.005));  // 1 address-hour at $0.005
  CHECK(r.pools[1].peak_in_use == 2);
  CHECK(r.pools[1].min_free == 2);
  CHECK(r.pools[1].in_use_address_hours == Approx(18));
  CHECK(r.pools[0].peak_in_use == 0);  // the /24 lent the /30 to its child
}

TEST_CASE("observe: the IPAM history of a simulated run gives back its address metrics") {
  for (const Json& document : {scenario_a(), scenario_b(), scenario_c()}) {
    INFO(document["name"]);
    const Scenario scenario = test::scenario_from(document);
    test::RecordingLog log;
    const Report simulated = simulate_logged(scenario, log);
    const test::ScratchFolder folder("observe-history");
    ObserveRequest request;
    request.ipam_history = test::write_ipam_history(folder.dir, log, *scenario.start_epoch_ms, 25);
    REQUIRE(request.ipam_history.size() > 1);
    if (scenario.load_balancers.size() > 1)  // managed addresses are in no pool: say which
      for (std::size_t lb = 0; lb < scenario.load_balancers.size(); ++lb)
        REQUIRE(simulated.load_balancers[lb].addresses.peak_managed == 0);
    const Report observed = observe_with(scenario, request);
    check_addresses_equal(observed, simulated);
    for (std::size_t i = 0; i < simulated.load_balancers.size(); ++i) {
      const AllowlistMetrics& o = observed.load_balancers[i].allowlist.value();
      const AllowlistMetrics& s = simulated.load_balancers[i].allowlist.value();
      // An address counts as in DNS while held: launch and drain time make an upper bound.
      CHECK(o.breach_seconds >= s.breach_seconds);
      CHECK(o.distinct_outside_addresses == s.distinct_outside_addresses);
    }
    if (document["name"] == "a") {  // no delays: held is exactly in DNS
      CHECK(simulated.load_balancers[0].addresses.peak_managed > 0);
      const AllowlistMetrics& o = observed.load_balancers[0].allowlist.value();
      const AllowlistMetrics& s = simulated.load_balancers[0].allowlist.value();
      CHECK(o.breach_episodes == s.breach_episodes);
      CHECK(o.breach_seconds == s.breach_seconds);
      CHECK(o.longest_breach_s == s.longest_breach_s);
      CHECK(o.first_breach_s == s.first_breach_s);
      CHECK(o.dns_changes == s.dns_changes);
      CHECK(*o.in_allowlist_ratio == Approx(*s.in_allowlist_ratio).epsilon(1e-12));
    }
  }
}

TEST_CASE("observe: ENI snapshots of a simulated run, within one snapshot interval") {
  for (const Json& document : {scenario_b(), scenario_c()}) {
    INFO(document["name"]);
    const Scenario scenario = test::scenario_from(document);
    test::RecordingLog log;
    const Report simulated = simulate_logged(scenario, log);
    const test::ScratchFolder folder("observe-enis");
    const std::int64_t step = 90'000;  // 90 s: changes fall between snapshots
    ObserveRequest request;
    request.eni_snapshots = test::write_eni_snapshots(folder.dir, log, scenario, step);
    const Report observed = observe_with(scenario, request);
    for (std::size_t i = 0; i < simulated.load_balancers.size(); ++i) {
      const AddressMetrics& o = observed.load_balancers[i].addresses;
      const AddressMetrics& s = simulated.load_balancers[i].addresses;
      std::size_t held = 0;
      for (const auto& a : log.addresses()) held += a.lb == i ? 1 : 0;
      // Each start and end is seen up to one interval late: a holding's length moves < step.
      CHECK(std::abs(o.pool_address_hours - s.pool_address_hours) <=
            static_cast<double>(held) * step / 3.6e6);
      CHECK(o.peak_total <= s.peak_total);
      CHECK(o.peak_total + 1 >= s.peak_total);
    }
  }
}

TEST_CASE("observe: a DNS log that lists a subset now and then, within the sampling step") {
  const Scenario scenario = test::scenario_from(scenario_a());
  test::RecordingLog log;
  const Report simulated = simulate_logged(scenario, log);
  const test::ScratchFolder folder("observe-dns");
  const std::int64_t step = 60'000;
  ObserveRequest request;
  // Every 7th answer leaves out the even addresses; the default gap (5 answers) bridges that.
  request.dns_log = test::write_dns_log(
      folder.dir / "dns.log", log, scenario, 0, step,
      [](std::size_t line, std::uint32_t address) { return line % 7 == 3 && address % 2 == 0; });
  // A lookup that timed out, as dig +short prints it, is no answer: it is skipped.
  std::ofstream(*request.dns_log, std::ios::app)
      << "2025-03-03T23:59:30Z ;; connection timed out; no servers could be reached\n";
  const ObservedScenario window = observed_scenario(scenario, request);
  const Observation read = read_observation(request, window);
  CHECK(read.records == 3 * 1440 + 1);
  CHECK(read.ignored == 1);
  const Report observed = observe_with(scenario, request);
  const AddressMetrics& o = observed.load_balancers[0].addresses;
  const AddressMetrics& s = simulated.load_balancers[0].addresses;
  CHECK(o.peak_total == s.peak_total);
  CHECK(std::abs(o.pool_address_hours - s.pool_address_hours) <=
        static_cast<double>(log.addresses().size()) * step / 3.6e6);
  CHECK(std::abs(observed.load_balancers[0].allowlist->breach_seconds -
                 simulated.load_balancers[0].allowlist->breach_seconds) <=
        2.0 * static_cast<double>(simulated.load_balancers[0].allowlist->breach_episodes) * 60);
  // Outside addresses: those in DNS at some sampled instant (a shorter stay is not seen).
  std::set<std::uint32_t> sampled_outside;
  const Cidr pool = *parse_cidr("198.51.100.0/29").cidr;
  for (const auto& a : log.addresses())
    for (const auto& [from, to] : a.exposed)
      if (!pool.contains(Ipv4{a.address}) && (from + step - 1) / step * step < to)
        sampled_outside.insert(a.address);
  CHECK(observed.load_balancers[0].allowlist->distinct_outside_addresses == sampled_outside.size());
}

TEST_CASE("observe: a DNS log stamped by date --rfc-3339=seconds reads as one in ISO-8601") {
  const test::ScratchFolder folder("observe-dns-rfc3339");
  const std::string scenario = folder.write("s.json", scenario_a().dump());
  // The same three lookups; the last written at +01:00, an hour ahead of UTC.
  const std::string iso = folder.write("iso.log",
                                       "2025-03-01T00:00:00Z 198.51.100.1 198.51.100.2\n"
                                       "2025-03-01T00:01:00Z 198.51.100.1\n"
                                       "2025-03-01T00:02:00Z 198.51.100.1 198.51.100.3\n");
  const std::string rfc = folder.write("rfc.log",
                                       "2025-03-01 00:00:00+00:00 198.51.100.1 198.51.100.2\n"
                                       "2025-03-01 00:01:00+00:00 198.51.100.1\n"
                                       "2025-03-01 01:02:00+01:00 198.51.100.1 198.51.100.3\n");
  const auto observe = [&](const std::string& log, const std::string& out) {
    const auto r = test::run_albsim(
        {"observe", scenario, "-q", "--dns-log", log, "-o", (folder.dir / out).string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return Json::parse(test::read_text(folder.dir / out / "report.json"));
  };
  const Json a = observe(iso, "iso"), b = observe(rfc, "rfc");
  CHECK(a["load_balancers"] == b["load_balancers"]);
  // .2, missing for one minute (within the five-interval gap), is still there when .3 comes at
  // 00:02 UTC: 3 at once. Read as 01:02 UTC, .2 would be gone by then: 2.
  CHECK(b["load_balancers"][0]["addresses"]["peak_total"] == 3);
  // Out of order in that form names the time as written.
  const std::string back = folder.write("back.log",
                                        "2025-03-01 00:01:00+00:00 198.51.100.1\n"
                                        "2025-03-01 01:00:00+01:00 198.51.100.1\n");
  const auto r = test::run_albsim(
      {"observe", scenario, "-q", "--dns-log", back, "-o", (folder.dir / "back").string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("back.log: line 2: time 2025-03-01 01:00:00+01:00 is not after line 1's") !=
        std::string::npos);
}

TEST_CASE("observe: bad observations exit 2 with one line naming the file and the record") {
  const test::ScratchFolder folder("observe-bad");
  const std::string scenario = folder.write("s.json", scenario_a().dump());
  const auto history = [&](const std::string& records) {
    return folder.write("h.json", R"({"HistoryRecords": [)" + records + "]}");
  };
  const auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"observe", scenario, "-q", "-o", (folder.dir / "out").string()});
    return test::run_albsim(args);
  };
  // A network interface's record of 198.51.100.1 from `start` (to `end`, when given).
  const auto record = [](const std::string& start, const std::string& end = "") {
    std::string r = R"({"ResourceType": "network-interface", "ResourceCidr": "198.51.100.1/32", )";
    r += R"("SampledStartTime": ")" + start + "\"";
    if (!end.empty()) r += R"(, "SampledEndTime": ")" + end + "\"";
    return r + "}";
  };
  // The run is exit 2 with one line holding `message`.
  const auto refused = [&](const std::vector<std::string>& args, const std::string& message) {
    const auto r = run(args);
    CHECK(r.code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(message) != std::string::npos);
  };
  SECTION("one address held twice at once") {
    refused({"--ipam-history", history(record("2025-03-01T00:00:00Z", "2025-03-01T05:00:00Z") +
                                       "," + record("2025-03-01T04:00:00Z"))},
            "h.json: /HistoryRecords/1: 198.51.100.1 is held from 2025-03-01T04:00:00Z, but ");
    refused({"--ipam-history", history(record("2025-03-01T00:00:00Z", "2025-03-01T05:00:00Z") +
                                       "," + record("2025-03-01T04:00:00Z"))},
            "h.json: /HistoryRecords/0 holds it until 2025-03-01T05:00:00Z: one address cannot be "
            "held twice at once");
  }
  SECTION("an end before the start") {
    refused({"--ipam-history", history(record("2025-03-01T05:00:00Z", "2025-03-01T04:00:00Z"))},
            "/HistoryRecords/0: ends (2025-03-01T04:00:00Z) before it starts");
  }
  SECTION("a bad time") {
    refused({"--ipam-history", history(record("yesterday"))},
            "/HistoryRecords/0/SampledStartTime: \"yesterday\" is not a time");
  }
  SECTION("times outside the window") {
    refused({"--ipam-history", history(record("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"))},
            "no address is held in the window 2025-03-01T00:00:00Z .. 2025-03-04T00:00:00Z");
  }
  SECTION("a last page that says more pages follow") {
    refused(
        {"--ipam-history", folder.write("cut.json", R"({"HistoryRecords": [], "NextToken": "x"})")},
        "cut.json: /NextToken: more pages follow");
  }
  SECTION("an ALB ENI without an address") {
    refused({"--eni-snapshots",
             folder.write("enis-2025-03-01T00:00:00Z.json",
                          R"({"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", )"
                          R"("Description": "ELB app/web/50dc6c495c0c9188", )"
                          R"("AvailabilityZone": "us-east-1a"}]})")},
            "/NetworkInterfaces/0/Association/PublicIp: an ENI of web has no public address");
  }
  SECTION("an ALB ENI in an AZ the load balancer does not list") {
    refused({"--eni-snapshots",
             folder.write("enis-20250301T000000Z.json",
                          R"({"NetworkInterfaces": [{"Description": "ELB app/web/50dc6c49", )"
                          R"("AvailabilityZone": "us-east-1f", )"
                          R"("Association": {"PublicIp": "198.51.100.1"}}]})")},
            "/NetworkInterfaces/0/AvailabilityZone: \"us-east-1f\" is not one of load balancer "
            "web's azs");
  }
  SECTION("a snapshot without its time in the name") {
    refused({"--eni-snapshots", folder.write("enis.json", R"({"NetworkInterfaces": []})")},
            "enis.json: the snapshot's UTC time must be in its name");
  }
  SECTION("a DNS log line that is not an address, or out of order") {
    refused({"--dns-log", folder.write("dns.log",
                                       "2025-03-01T00:00:00Z 198.51.100.1\n"
                                       "2025-03-01T00:01:00Z 198.51.100.x\n")},
            "dns.log: line 2: \"198.51.100.x\" is not an IPv4 address");
    refused({"--dns-log", folder.write("back.log",
                                       "2025-03-01T00:01:00Z 198.51.100.1\n"
                                       "2025-03-01T00:00:00Z 198.51.100.1\n")},
            "back.log: line 2: time 2025-03-01T00:00:00Z is not after line 1's");
  }
  SECTION("no source, or two") {
    refused({}, "give exactly one source");
    const std::string file = folder.write("dns2.log", "2025-03-01T00:00:00Z 198.51.100.1\n");
    refused({"--dns-log", file, "--ipam-history", file}, "give exactly one source");
  }
  CHECK(!std::filesystem::exists(folder.dir / "out" / "report.json"));
}

TEST_CASE("observe: the AWS CLI documentation's own outputs are named for what they lack") {
  // Each source's example output as the AWS CLI documentation prints it (tests/data/aws): none
  // holds an ALB node, and each says so in one line with what it did find.
  const test::ScratchFolder folder("observe-cli-examples");
  const std::string scenario = folder.write("s.json", scenario_a().dump());
  const auto refused = [&](const std::string& option, const std::string& file,
                           const std::string& message) {
    const auto r = test::run_albsim(
        {"observe", scenario, "-q", "-o", (folder.dir / "out").string(), option, file});
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(message) != std::string::npos);
  };
  const auto example = [](const std::string& name) {
    return test::source_path("tests/data/aws/" + name);
  };
  const auto text_of = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  // The documentation's Public IP Insights output lacks the `]` that closes its list: its 47th
  // line is the object's `}`.
  const std::string printed = example("get-ipam-discovered-public-addresses.json");
  refused("--public-ips", printed, "malformed JSON at line 47, column 1");
  // With the `]` put back: two EC2 instances' public IPs, no load balancer's.
  std::string repaired = text_of(printed);
  repaired.insert(repaired.rfind('}'), "]\n");
  refused("--public-ips", folder.write("public-ips.json", repaired),
          "public-ips.json: /IpamDiscoveredPublicAddresses: no associated load-balancer address "
          "among its 2 records");
  // The IPAM history example is of three VPCs' CIDRs.
  refused("--ipam-history", example("get-ipam-address-history.json"),
          "/HistoryRecords: no record of a network interface holding an IPv4 address (3 records "
          "of other resources)");
  // The ENI example: an instance's interface and a primary one, no ALB node's. Snapshots carry
  // their time in the file name.
  refused("--eni-snapshots",
          folder.write("enis-2025-03-01T00:05:00Z.json",
                       text_of(example("describe-network-interfaces.json"))),
          "no ENI described \"ELB app/<name>/<id>\" with <name> a load balancer of the scenario "
          "(and no ALB ENI at all)");
}

TEST_CASE("observe writes report.json marked observed and a timeseries with the AZs it knows") {
  const test::ScratchFolder folder("observe-cli");
  const Scenario scenario = test::scenario_from(scenario_b());
  test::RecordingLog log;
  simulate_logged(scenario, log);
  const std::string file = folder.write("s.json", scenario_b().dump());
  std::vector<std::string> args = {
      "observe",        file, "-o", (folder.dir / "out").string(), "--timeseries-step", "1h",
      "--eni-snapshots"};
  for (const std::string& f : test::write_eni_snapshots(folder.dir, log, scenario, 300'000))
    args.push_back(f);
  const auto r = test::run_albsim(args);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("observed (eni-snapshots, ") != std::string::npos);
  CHECK(r.out.find("hidden: ") != std::string::npos);
  const Json report = Json::parse(test::read_text(folder.dir / "out" / "report.json"));
  CHECK(report["source"] == "observed");
  CHECK(report["observation"]["kind"] == "eni-snapshots");
  CHECK(report["observation"]["files"] == 864);  // 3 days every 5 minutes
  CHECK(report["observation"]["sampling_s"] == 300);
  CHECK(report["load_balancers"][0]["allowlist"]["client_failure_ratio"].is_null());
  const std::string csv = test::read_text(folder.dir / "out" / "timeseries.csv");
  CHECK(csv.find("lb:web:az:us-east-1b:nodes") != std::string::npos);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 73);  // header and 72 hourly rows
  CHECK(csv.find(",,") == std::string::npos);             // every AZ count known
}

TEST_CASE("run --compare-observed sets the run beside the observed report, metric by metric") {
  const test::ScratchFolder folder("observe-compare");
  const Scenario scenario = test::scenario_from(scenario_a());
  test::RecordingLog log;
  simulate_logged(scenario, log);
  const std::string file = folder.write("s.json", scenario_a().dump());
  const std::string observed = (folder.dir / "observed").string();
  std::vector<std::string> args = {"observe", file, "-q", "-o", observed, "--ipam-history"};
  for (const std::string& f :
       test::write_ipam_history(folder.dir, log, *scenario.start_epoch_ms, 50))
    args.push_back(f);
  REQUIRE(test::run_albsim(args).code == 0);

  const auto r = test::run_albsim(
      {"run", file, "-o", (folder.dir / "run").string(), "--compare-observed", observed});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Against what was observed (ipam-history, window 2025-03-01T00:00:00Z for 3d") !=
        std::string::npos);
  // The same run exported and observed: no launch or drain delay, so every metric agrees.
  for (const char* metric : {"peak_total", "managed_address_hours /month", "breach_episodes /month",
                             "dns_changes /month"}) {
    const std::size_t at = r.out.find(std::string("web               ") + metric);
    REQUIRE(at != std::string::npos);
    const std::string line = r.out.substr(at, r.out.find('\n', at) - at);
    INFO(line);
    CHECK(line.find(" +0") != std::string::npos);
  }

  const auto simulated = test::run_albsim({"run", file, "-q", "-o", (folder.dir / "run2").string(),
                                           "--compare-observed", (folder.dir / "run").string()});
  CHECK(simulated.code == 2);
  CHECK(simulated.err.find("report.json: /source: is not \"observed\"") != std::string::npos);
  CHECK(test::run_albsim({"run", file, "--shard", "0/2", "-o", (folder.dir / "s").string(),
                          "--compare-observed", observed})
            .code == 2);
}
