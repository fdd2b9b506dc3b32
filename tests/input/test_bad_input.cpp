// Every validation rule of MODEL.md §9: the error names the file and the JSON pointer of the
// fault and says what would be right.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "support.hpp"

using namespace albsim;
using nlohmann::json;

namespace {

json valid() {
  return json::parse(R"({
    "region": "us-east-1", "horizon": "1d",
    "pools": [
      {"id": "corp", "source": "byoip", "cidrs": ["203.0.113.0/24"]},
      {"id": "use1", "parent": "corp", "locale": "us-east-1", "cidrs": ["203.0.113.0/27"]},
      {"id": "blk", "source": "amazon", "locale": "us-east-1", "netmask_length": 29}
    ],
    "load_balancers": [
      {"id": "web", "pool": "use1", "azs": ["az1", "az2"], "demand": {"constant": 10}}
    ],
    "events": [{"at": "1h", "type": "surge", "lb": "web", "multiplier": 2, "duration": "1h"}]
  })");
}

// `albsim run` on `doc` must exit 2 with one line naming the file and `pointer`, and write
// nothing.
void expect_cli_refuses(const json& doc, const std::string& pointer) {
  namespace fs = std::filesystem;
  const fs::path file = test::scratch_path("bad-input.json");
  const fs::path out = test::scratch_path("bad-input-out");
  fs::remove_all(out);
  std::ofstream(file) << doc.dump();
  const auto r = test::run_albsim({"run", file.string(), "--out", out.string()});
  CHECK(r.code == 2);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.err.find(file.string() + ": " + pointer + ": ") != std::string::npos);
  CHECK_FALSE(fs::exists(out / "report.json"));
  CHECK_FALSE(fs::exists(out / "timeseries.csv"));
}

// Loads `doc`, expects an InputError at `pointer` whose message contains `fragment`; the CLI
// must refuse it the same way.
void expect_fault(const json& doc, const std::string& pointer, const std::string& fragment) {
  try {
    load_scenario_text(doc.dump(), "bad.json");
    FAIL("accepted; expected a fault at " << pointer);
  } catch (const InputError& e) {
    INFO(e.what());
    CHECK(e.file() == "bad.json");
    CHECK(e.pointer() == pointer);
    CHECK(std::string(e.what()).find(fragment) != std::string::npos);
  }
  expect_cli_refuses(doc, pointer);
}

}  // namespace

TEST_CASE("the reference document is valid") {
  CHECK_NOTHROW(test::scenario_from(valid()));
}

TEST_CASE("malformed JSON names line and column") {
  try {
    load_scenario_text("{\n  \"horizon\": \"1d\",\n  \"pools\": [,]\n}", "bad.json");
    FAIL("accepted");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("line 3, column 13") != std::string::npos);
  }
}

TEST_CASE("unknown keys are errors, with a suggestion when one is close") {
  json d = valid();
  d["horizn"] = "2d";
  expect_fault(d, "/horizn", "did you mean \"horizon\"");
  d = valid();
  d["load_balancers"][0]["node_capcity_lcu"] = 10;
  expect_fault(d, "/load_balancers/0/node_capcity_lcu", "did you mean \"node_capacity_lcu\"");
  d = valid();
  d["pools"][0]["zzz"] = 1;
  expect_fault(d, "/pools/0/zzz", "known keys");
}

TEST_CASE("CIDRs must be canonical IPv4 prefixes") {
  json d = valid();
  d["pools"][0]["cidrs"][0] = "203.0.113.1/24";
  expect_fault(d, "/pools/0/cidrs/0", "did you mean \"203.0.113.0/24\"");
  d["pools"][0]["cidrs"][0] = "2001:db8::/32";
  expect_fault(d, "/pools/0/cidrs/0", "not an IPv4 CIDR");
}

TEST_CASE("child pools lie inside their parent and overlap no sibling") {
  json d = valid();
  d["pools"][1]["cidrs"][0] = "198.51.100.0/27";
  expect_fault(d, "/pools/1/cidrs/0", "not inside a CIDR of parent pool \"corp\"");
  d = valid();
  d["pools"].push_back({{"id", "use2"}, {"parent", "corp"}, {"cidrs", {"203.0.113.16/28"}}});
  expect_fault(d, "/pools/3/cidrs/0", "sibling pools must not overlap");
  d = valid();
  d["pools"].push_back({{"id", "other"}, {"source", "byoip"}, {"cidrs", {"203.0.112.0/23"}}});
  expect_fault(d, "/pools/3/cidrs/0", "overlaps 203.0.113.0/24");
}

TEST_CASE("pool parents form a forest no deeper than 10") {
  json d = valid();
  d["pools"][0]["parent"] = "use1";
  d["pools"][0].erase("source");
  expect_fault(d, "/pools/0/parent", "cycle");
  d = valid();
  for (int i = 0; i < 10; ++i) {
    const int prefix = 25 + (i < 7 ? i : 6);
    d["pools"].push_back({{"id", "n" + std::to_string(i)},
                          {"parent", i == 0 ? std::string("use1") : "n" + std::to_string(i - 1)},
                          {"cidrs", {"203.0.113.0/" + std::to_string(std::min(prefix, 32))}}});
  }
  expect_fault(d, "/pools/11/parent", "deeper than IPAM's limit of 10");
  d = valid();
  d["pools"][1]["parent"] = "nope";
  expect_fault(d, "/pools/1/parent", "unknown pool \"nope\"");
}

TEST_CASE("BYOIP and Amazon block sizes") {
  json d = valid();
  d["pools"][0]["cidrs"][0] = "203.0.113.0/25";
  d["pools"][1]["cidrs"][0] = "203.0.113.0/27";
  expect_fault(d, "/pools/0/cidrs/0", "/24 or larger");
  d = valid();
  d["pools"][2]["netmask_length"] = 31;
  expect_fault(d, "/pools/2/netmask_length", "between /24 and /30");
  d["pools"][2]["netmask_length"] = 23;
  expect_fault(d, "/pools/2/netmask_length", "between /24 and /30");
  d = valid();
  d["pools"][2]["netmask_length"] = 28;  // a warning, not an error
  d["pools"][2]["count"] = 3;
  const Scenario s = test::scenario_from(d);
  CHECK(s.warnings.size() == 4);  // three larger-than-/29 blocks, more than 2 blocks
  CHECK(s.pools[2].cidrs.size() == 3);
}

TEST_CASE("prices in the wrong unit are warned of, with the figure they would be") {
  json d = valid();
  // $3.65 is the public IPv4 charge per month (0.005 x 730) typed into the hourly field: 730 x
  // 3.65 = $2,664.50 a month per address. $12,000 is a /24's price: 12,000 / 256 = $46.875.
  d["pricing"] = {{"public_ipv4_per_ip_hour", 3.65},
                  {"amazon_block_per_ip_hour", 0.0099},
                  {"ipam_advanced_per_ip_hour", 0.1},
                  {"byoip_price_per_address", 12000}};
  const Scenario s = test::scenario_from(d);
  REQUIRE(s.warnings.size() == 3);
  CHECK_THAT(s.warnings[0],
             Catch::Contains("/pricing/public_ipv4_per_ip_hour: $3.65 per IP-hour is $2664.50 "
                             "per address per 730-hour month") &&
                 Catch::Contains("give 3.65 / 730 = 0.005"));
  CHECK_THAT(s.warnings[1],
             Catch::Contains("/pricing/ipam_advanced_per_ip_hour: $0.1 per IP-hour"));
  CHECK_THAT(s.warnings[2], Catch::Contains("/pricing/byoip_price_per_address: $12000 for one IPv4 "
                                            "address") &&
                                Catch::Contains("12000 / 256 = 46.88"));
  // Prices in the range AWS charges, and an address at market price, draw nothing.
  d["pricing"] = {{"public_ipv4_per_ip_hour", 0.0999}, {"byoip_price_per_address", 1000}};
  CHECK(test::scenario_from(d).warnings.empty());
}

TEST_CASE("load balancer rules") {
  json d = valid();
  d["load_balancers"][0]["azs"] = {"az1"};
  expect_fault(d, "/load_balancers/0/azs", "at least 2 AZs");
  d["load_balancers"][0]["azs"] = {"az1", "az1"};
  expect_fault(d, "/load_balancers/0/azs/1", "duplicate AZ");
  d = valid();
  d["load_balancers"][0]["pool"] = "nope";
  expect_fault(d, "/load_balancers/0/pool", "unknown pool \"nope\"");
  d["load_balancers"][0]["pool"] = "corp";  // no locale
  expect_fault(d, "/load_balancers/0/pool", "scenario region is \"us-east-1\"");
  d = valid();
  d["load_balancers"][0]["min_nodes_per_az"] = 5;
  d["load_balancers"][0]["max_nodes_per_az"] = 4;
  expect_fault(d, "/load_balancers/0/min_nodes_per_az", "greater than max_nodes_per_az");
  d = valid();
  d["load_balancers"][0]["replacement"] = {{"every", "7m"}};
  expect_fault(d, "/load_balancers/0/replacement/every",
               "longer than launch_delay + drain_time (7m)");
  d = valid();
  d["load_balancers"][0]["demand"] = {{"constant", 10}, {"steps", json::array()}};
  expect_fault(d, "/load_balancers/0/demand", "exactly one of");
}

TEST_CASE("numbers must be finite and in range") {
  json d = valid();
  d["load_balancers"][0]["node_capacity_lcu"] = -5;
  expect_fault(d, "/load_balancers/0/node_capacity_lcu", "greater than 0");
  d = valid();
  d["load_balancers"][0]["demand"]["constant"] = -1;
  expect_fault(d, "/load_balancers/0/demand/constant", "must not be negative");
  d = valid();
  d["pricing"] = {{"public_ipv4_per_ip_hour", "cheap"}};
  expect_fault(d, "/pricing/public_ipv4_per_ip_hour", "expected a number");
  d = valid();
  d["load_balancers"][0]["drain_time"] = -3;
  expect_fault(d, "/load_balancers/0/drain_time", "must not be negative");
  d = valid();
  d["load_balancers"][0]["launch_delay"] = "2 minutes";
  expect_fault(d, "/load_balancers/0/launch_delay", "is not a duration");
  // A well-formed string says what is wrong with its value, as a number does.
  d["load_balancers"][0]["launch_delay"] = "1.5ms";
  expect_fault(d, "/load_balancers/0/launch_delay",
               "a duration must be a whole number of milliseconds (found \"1.5ms\")");
  d["load_balancers"][0]["launch_delay"] = 0.0005;
  expect_fault(d, "/load_balancers/0/launch_delay",
               "a duration must be a whole number of milliseconds (found 0.0005)");
  d["load_balancers"][0]["launch_delay"] = "99999999999999999s";
  expect_fault(d, "/load_balancers/0/launch_delay", "a duration must be at most 2^53 ms");
  d["load_balancers"][0]["launch_delay"] = 1e300;
  expect_fault(d, "/load_balancers/0/launch_delay", "a duration must be at most 2^53 ms");
}

TEST_CASE("events lie inside the horizon and name known ids") {
  json d = valid();
  d["events"][0]["at"] = "1d";
  expect_fault(d, "/events/0/at", "not before the horizon");
  d = valid();
  d["events"][0]["lb"] = "nope";
  expect_fault(d, "/events/0/lb", "unknown load balancer \"nope\"");
  d = valid();
  d["events"].push_back({{"at", "2h"}, {"type", "az_outage"}, {"az", "az9"}});
  expect_fault(d, "/events/1/az", "AZ \"az9\"");
  d = valid();
  d["events"].push_back(
      {{"at", "2h"}, {"type", "add_cidr"}, {"pool", "use1"}, {"cidr", "198.51.100.0/28"}});
  expect_fault(d, "/events/1/cidr", "not inside a CIDR of parent pool");
  d = valid();
  d["events"].push_back({{"at", "2h"}, {"type", "attach_pool"}, {"pool", "corp"}});
  expect_fault(d, "/events/1/pool", "locale");
  d = valid();
  d["events"][0]["type"] = "earthquake";
  expect_fault(d, "/events/0/type", "is not one of");
}

TEST_CASE("work limits keep every valid scenario fast") {
  // The estimate (check_scenario.cpp): 25 ns a grid point, 150 ns with noise, 100 ns an event,
  // 6 us a reserved address drawn at random; a random occurrence 2 x (200 ns + 50 ns per load
  // balancer reached + 7 ps per occurrence in force); where surges end, 2.5 ns per surge in force
  // once per grid point at most; at most 60 s.
  json d = valid();
  d["horizon"] = "3650d";
  d["events"] = json::array();
  d["load_balancers"][0]["evaluation_interval"] = "100ms";  // 3,153,600,000 points: 78.84 s
  expect_fault(d, "/load_balancers/0/evaluation_interval",
               "would take about 79 s (3153600000 grid points, 0 events and reserved "
               "addresses); the limit is about 1 min per run");
  d["load_balancers"][0]["evaluation_interval"] = "200ms";  // 39.4 s
  CHECK_NOTHROW(test::scenario_from(d));
  // Noise: 315,360,000 points at 1 s are 47.3 s; two such load balancers 94.6 s.
  d["load_balancers"][0]["evaluation_interval"] = "1s";
  d["load_balancers"][0]["demand"]["noise"] = {{"sigma", 0.1}};
  CHECK_NOTHROW(test::scenario_from(d));
  json lb = d["load_balancers"][0];
  lb["id"] = "lb1";
  d["load_balancers"].push_back(lb);
  expect_fault(d, "/load_balancers/0/evaluation_interval", "about 95 s (630720000 grid points");
  // Random events: 7.9 s of points plus 3650 x 40,000 occurrences, each started and ended, on
  // one load balancer, 27.8 in force: 1.46e8 x 2 x (250 ns + 0.19 ns) = 73.1 s, and as many
  // ends (fewer than the points) x 27.8 x 2.5 ns = 10.1 s; 91.1 s in all.
  d["load_balancers"] = json::array({d["load_balancers"][0]});
  d["load_balancers"][0]["demand"].erase("noise");
  d["random_events"] = {
      {{"type", "surge"}, {"rate_per_day", 40000}, {"multiplier", 2}, {"duration", "1m"}}};
  expect_fault(d, "/random_events/0", "about 91 s (315360000 grid points, 292000000 events");
  d["random_events"][0]["rate_per_day"] = 20000;  // 46.9 s
  CHECK_NOTHROW(test::scenario_from(d));
  // A rate beyond any integer (found by fuzzing: the count was cast to long long): 3650 days x
  // 1e33 a day are 7.3e36 starts and ends, each 7 ps x 6.9e29 in force: 1.13e48 years.
  d["random_events"][0]["rate_per_day"] = 1e33;
  expect_fault(d, "/random_events/0",
               "about 1.13e+48 years (315360000 grid points, 7.3e+36 events");
  // Many in force at once (found by fuzzing: 100 M surges of 23 min on average in 30 days ran
  // for minutes): 53,648 in force add 375.5 ns to each start and end, 126 s, and 43,200 points
  // x 53,648 x 2.5 ns = 5.8 s: 132 s in all; the same surges lasting 138 s on average keep 5,365
  // in force, 58.5 s. (x1.01 each: x2.1 would be refused as demand beyond 1e+100.)
  d["horizon"] = "30d";
  d["load_balancers"][0]["evaluation_interval"] = "60s";
  d["random_events"] = {{{"type", "surge"},
                         {"rate_per_day", 3358828},
                         {"multiplier", 1.01},
                         {"duration", {{"exponential", "23m"}}}}};
  expect_fault(d, "/random_events/0", "about 2 min (43200 grid points, 201529680 events");
  d["random_events"][0]["duration"] = {{"exponential", "138s"}};
  CHECK_NOTHROW(test::scenario_from(d));
  // Scheduled events too: each starts and ends on every load balancer it reaches, 2 x (200 ns +
  // 150 ns per load balancer). 10,000 load balancers for a day (14,400,000 points, 0.36 s) and
  // 21,000 maintenance events on all of them: 21,000 x 2 x 1.5002 ms = 63.0 s; 19,000: 57.0 s.
  {
    json many = valid();
    many["horizon"] = "1d";
    many["random_events"] = json::array();
    json one = many["load_balancers"][0];
    one.erase("replacement");
    many["load_balancers"] = json::array();
    for (int i = 0; i < 10000; ++i) {
      one["id"] = "lb" + std::to_string(i);
      many["load_balancers"].push_back(one);
    }
    auto maintenance = [&](int count) {
      many["events"] = json::array();
      for (int i = 0; i < count; ++i)
        many["events"].push_back({{"at", std::to_string(i) + "s"}, {"type", "maintenance"}});
    };
    maintenance(21000);
    expect_fault(many, "/events", "about 63 s (14400000 grid points, 42000 events");
    maintenance(19000);
    CHECK_NOTHROW(test::scenario_from(many));
  }
  // Replacements count too: 2 nodes replaced every 1 ms are 6.3e11 events, 17.5 hours.
  d["horizon"] = "3650d";
  d["random_events"] = json::array();
  d["load_balancers"][0]["evaluation_interval"] = "60s";
  d["load_balancers"][0]["replacement"] = {{"mean", "1ms"}};
  expect_fault(d, "/load_balancers/0/replacement", "about 18 h (");
  // Reserved addresses drawn at random from a fragmenting pool: 11,000,000 x 6 us = 66 s.
  d["load_balancers"][0].erase("replacement");
  d["horizon"] = "1d";
  d["pools"].push_back({{"id", "big"},
                        {"source", "byoip"},
                        {"locale", "us-east-1"},
                        {"cidrs", {"10.0.0.0/8"}},
                        {"allocation", "random"}});
  d["reservations"] = {{{"pool", "big"}, {"count", 11000000}}};
  expect_fault(d, "/reservations/0/count", "about 66 s (1440 grid points, 11000000 events");
  d["pools"].back().erase("allocation");  // lowest-free: 1.1 s
  CHECK_NOTHROW(test::scenario_from(d));
}

TEST_CASE("demand stays a finite number: profile peaks and surges in force are bounded") {
  // Within 1e+100 each (demand_bound.hpp): noise multiplies by at most e^37, so demand stays
  // far below the largest double (1.8e+308) and 0 x infinity never happens.
  json d = valid();
  d["load_balancers"][0]["demand"] = {{"constant", 1e101}};
  expect_fault(d, "/load_balancers/0/demand",
               "the demand profile reaches 1e+101 LCU; keep it within 1e+100 LCU");
  d["load_balancers"][0]["demand"] = {{"constant", 1e99}};
  // Its warning says so in full (a 100-digit number was cut to its first 47 digits).
  const Scenario huge = test::scenario_from(d);
  REQUIRE(huge.warnings.size() == 1);
  CHECK(huge.warnings[0].find("demand reaches 1e+99 LCU, above the 1000 LCU") != std::string::npos);
  // Growth: 10 x (1 + 9)^(1 day / 30 days) = 10 x 10^(1/30), within; at (1 + 1e10) over 10 years
  // (121.7 periods of 30 days) 10 x 1e10^121.7 overflows a double.
  d["load_balancers"][0]["demand"] = {{"constant", 10}, {"growth_per_30d", 9}};
  CHECK_NOTHROW(test::scenario_from(d));
  d["horizon"] = "3650d";
  d["load_balancers"][0]["demand"]["growth_per_30d"] = 1e10;
  expect_fault(d, "/load_balancers/0/demand/growth_per_30d",
               "the demand profile reaches more than 1e+308 LCU with its growth");
  // Scheduled surges: three of x1e40 overlapping multiply by 1e+120 (the third's start is where);
  // one after another they never exceed 1e+40.
  d = valid();
  d["events"] = json::array();
  for (int i = 0; i < 3; ++i)
    d["events"].push_back({{"at", std::to_string(i + 1) + "h"},
                           {"type", "surge"},
                           {"multiplier", 1e40},
                           {"duration", "3h"}});
  expect_fault(d, "/events/2/multiplier", "could multiply demand by 1e+120; keep it within");
  for (auto& e : d["events"]) e["duration"] = "1h";
  CHECK_NOTHROW(test::scenario_from(d));
  // Random surges: 1,440 a day lasting 1 minute keep lambda = 1 in force on average, bounded by
  // 1 + 6 + 20 = 27 at once; x1e4 each is 1e+108, x1e3 is 1e+81.
  d["events"] = json::array();
  d["random_events"] = {
      {{"type", "surge"}, {"rate_per_day", 1440}, {"multiplier", 1e4}, {"duration", "1m"}}};
  expect_fault(d, "/random_events/0", "could multiply demand by 1e+108 (1 in force at once");
  d["random_events"][0]["multiplier"] = 1e3;
  CHECK_NOTHROW(test::scenario_from(d));
  // Found by fuzzing: 1.39 million surges a day of 23 minutes, x2.1 each (22,200 in force),
  // overflowed demand to infinity, and noise that underflowed to 0 made it NaN.
  d["random_events"] = {{{"type", "surge"},
                         {"rate_per_day", 1390000},
                         {"multiplier", 2.1},
                         {"duration", {{"exponential", "23m"}}}}};
  expect_fault(d, "/random_events/0", "(2.22e+04 in force at once on average)");
}

TEST_CASE("the horizon is positive and at most 10 years") {
  json d = valid();
  d["horizon"] = 0;
  d.erase("events");
  expect_fault(d, "/horizon", "greater than 0");
  d["horizon"] = "3653d";
  expect_fault(d, "/horizon", "10 years");
  d["horizon"] = "3652d";
  CHECK_NOTHROW(test::scenario_from(d));
}

TEST_CASE("random forms are checked") {
  json d = valid();
  d["load_balancers"][0]["launch_delay"] = {{"uniform", {"3m", "1m"}}};
  expect_fault(d, "/load_balancers/0/launch_delay/uniform/1", "below the lower bound");
  d["load_balancers"][0]["launch_delay"] = {{"uniform", {60, 180}}, {"exponential", 60}};
  expect_fault(d, "/load_balancers/0/launch_delay", "give one of");
  d["load_balancers"][0]["launch_delay"] = {{"normal", 60}};
  expect_fault(d, "/load_balancers/0/launch_delay/normal", "unknown key");
  d = valid();
  d["load_balancers"][0]["launch_delay"] = {{"uniform", {"1m", "10m"}}};
  d["load_balancers"][0]["replacement"] = {{"every", "14m"}};  // not longer than 10m + 5m
  expect_fault(d, "/load_balancers/0/replacement/every", "(15m)");
  d = valid();
  d["load_balancers"][0]["replacement"] = {{"mean", 0}};
  expect_fault(d, "/load_balancers/0/replacement/mean", "greater than 0");
  d["load_balancers"][0]["replacement"] = {{"mean", "7d"}, {"every", "7d"}};
  expect_fault(d, "/load_balancers/0/replacement", "give one of");
  d = valid();
  d["load_balancers"][0]["demand"]["noise"] = {{"sigma", -0.1}};
  expect_fault(d, "/load_balancers/0/demand/noise/sigma", "must not be negative");
  d["load_balancers"][0]["demand"]["noise"] = {{"sigma", 50}};  // 50% typed for 0.5
  expect_fault(d, "/load_balancers/0/demand/noise/sigma", "must be at most 3 (found 50)");
  d["load_balancers"][0]["demand"]["noise"] = {{"sigma", 3}};
  CHECK_NOTHROW(test::scenario_from(d));
  d = valid();
  d["random_events"] = {
      {{"type", "surge"}, {"rate_per_day", 0}, {"multiplier", 2}, {"duration", "1h"}}};
  expect_fault(d, "/random_events/0/rate_per_day", "greater than 0");
  d["random_events"] = {
      {{"type", "az_outage"}, {"az", "az9"}, {"rate_per_year", 2}, {"duration", "1h"}}};
  expect_fault(d, "/random_events/0/az", "AZ \"az9\"");
  d["random_events"] = {
      {{"type", "az_outage"}, {"rate_per_year", 2}, {"duration", {{"uniform", {1, 2}}}}}};
  expect_fault(d, "/random_events/0/duration/uniform", "unknown key");
  d["random_events"] = {{{"type", "surge"}, {"rate_per_day", 1}, {"multiplier", 2}}};
  expect_fault(d, "/random_events/0", "missing required key \"duration\"");
  d = valid();
  d["pools"][1]["allocation"] = "scattered";
  expect_fault(d, "/pools/1/allocation", "is not one of");
}

TEST_CASE("overrides apply before validation") {
  const std::vector<Override> set{{"/horizon", "\"2d\""},
                                  {"/load_balancers/0/max_nodes_per_az", "3"}};
  const Scenario s = load_scenario_text(valid().dump(), "x.json", set);
  CHECK(s.horizon == SimTime::days(2));
  CHECK(s.load_balancers[0].max_nodes_per_az == 3);
  const std::vector<Override> plain{{"/name", "black friday"}};  // not JSON: a string
  CHECK(load_scenario_text(valid().dump(), "x.json", plain).name == "black friday");
  const std::vector<Override> broken{{"/nope/deeper", "1"}};
  CHECK_THROWS_AS(load_scenario_text(valid().dump(), "x.json", broken), InputError);
}
