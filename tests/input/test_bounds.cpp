// Hostile inputs, second pass: every command-line value is bounded like file content, no
// non-finite figure reaches an output, one window rule, every input byte read. Each case failed
// on the code before (a hang, a machine-sized allocation, `null` in report.json, a message cut
// at a NUL); each refusal is exit 2 with one printable line naming the option or file.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>

#include "albsim/input_error.hpp"
#include "report/finite_json.hpp"
#include "support.hpp"

using namespace albsim;
namespace fs = std::filesystem;

namespace {

struct Folder : test::ScratchFolder {
  Folder() : ScratchFolder("bounds") {}
};

// `albsim ARGS` must exit 2 with one line holding every fragment.
void expect_refused(const std::vector<std::string>& args,
                    const std::vector<std::string>& fragments) {
  const auto r = test::run_albsim(args);
  INFO(r.err);
  CHECK(r.code == 2);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  for (const std::string& fragment : fragments) CHECK(r.err.find(fragment) != std::string::npos);
}

const std::string kQuickstart = test::source_path("scenarios/quickstart.json");

// One load balancer on a /29 observed from 2025-03-01, over the scenario's 3 days.
nlohmann::json observed_scenario() {
  return nlohmann::json::parse(R"({
    "start": "2025-03-01T00:00:00Z", "horizon": "3d",
    "pools": [{"id": "corp", "source": "byoip", "cidrs": ["198.51.100.0/24"]},
              {"id": "p", "parent": "corp", "locale": "us-east-1",
               "cidrs": ["198.51.100.0/29"]}],
    "load_balancers": [{"id": "web", "pool": "p", "azs": ["us-east-1a", "us-east-1b"],
                        "demand": {"constant": 5}}]})");
}

// A DNS log of 6 hours from 2025-03-01T00:00Z, a lookup a minute, two addresses each.
std::string six_hour_dns_log() {
  std::string log;
  for (int minute = 0; minute < 360; ++minute) {
    char line[80];
    std::snprintf(line, sizeof line, "2025-03-01T%02d:%02d:00Z 198.51.100.1 198.51.100.2\n",
                  minute / 60, minute % 60);
    log += line;
  }
  return log;
}

}  // namespace

TEST_CASE("set overrides are held to what a scenario file may hold") {
  // 10,000 levels once created 10,000 nested objects (7-19 s, 1.6 GB) before exit 2.
  std::string deep;
  for (int i = 0; i < 10'000; ++i) deep += "/a";
  expect_refused(
      {"validate", kQuickstart, "--set", deep + "=1"},
      {"--set: /a/a/a", "the pointer is 10000 levels deep; a scenario nests at most 64"});
  expect_refused({"validate", kQuickstart, "--set", "/name=" + std::string(70'000, 'x')},
                 {"--set: /name: the value is 70000 bytes long; at most 65536"});
  // An index in exponent form once reached nlohmann's raw exception text.
  const auto r = test::run_albsim({"validate", kQuickstart, "--set", "/load_balancers/1e23=1"});
  CHECK(r.code == 2);
  CHECK(r.err.find("\"1e23\" is not an array index; write a whole number") != std::string::npos);
  CHECK(r.err.find("json.exception") == std::string::npos);
  expect_refused({"validate", kQuickstart, "--set", "/load_balancers/01=1"},
                 {"\"01\" is not an array index"});
  std::vector<std::string> many = {"validate", kQuickstart};
  for (int i = 0; i < 1001; ++i) many.insert(many.end(), {"--set", "/name=\"x\""});
  expect_refused(many, {"--set: 1001 overrides; at most 1000"});
}

TEST_CASE("numbers on the command line are checked as typed, with their bounds") {
  // CLI11's conversion once clamped this to 9223372036854775807 and reported that.
  expect_refused({"run", kQuickstart, "--seed", "99999999999999999999"},
                 {"--seed: must be from 0 to 9007199254740992 (found \"99999999999999999999\")"});
  expect_refused({"run", kQuickstart, "--replications", "0x10"},
                 {"--replications: must be a whole number from 1 to 1000000 (found \"0x10\")"});
  expect_refused({"run", kQuickstart, "--threads", "-1"}, {"--threads: must be from 0 to 1024"});
  expect_refused({"plan", kQuickstart, "--pool", "use1", "--nlb-per-hour", "1e308"},
                 {"--nlb-per-hour: must be a finite number from 0 to 1000000 (found \"1e308\")"});
  expect_refused({"plan", kQuickstart, "--pool", "use1", "--nlcu-per-hour", "nan"},
                 {"--nlcu-per-hour: must be a finite number"});
  // A million replications of a run of about a second: the estimate, and what would fit
  // (24 h x 2 threads / the estimate), before any output is made. (The scenario's own warning
  // about its /24 Amazon block comes first.)
  const std::string fleet = test::source_path("scenarios/bench/fleet-year.json");
  const fs::path out = test::fresh_scratch_dir("bounds-fleet");
  const auto r =
      test::run_albsim({"run", fleet, "--replications", "1000000", "--threads", "2", "--set",
                        "/load_balancers/0/demand/noise={\"sigma\":0.1}", "--out", out.string()});
  INFO(r.err);
  CHECK(r.code == 2);
  const std::string last = r.err.substr(r.err.rfind("albsim: "));
  for (const char* fragment :
       {"--replications: 1000000 replications would take about ", " days on 2 threads",
        "the limit is about 24 h: give --replications ", "or spread them with --shard"})
    CHECK(last.find(fragment) != std::string::npos);
  CHECK_FALSE(fs::exists(out / "report.json"));
  // plan: the budget is per candidate, so what fits is divided among them (12 here).
  const auto p = test::run_albsim(
      {"plan", fleet, "--pool", "byoip-a", "--replications", "100000", "--threads", "2", "--set",
       "/load_balancers/0/demand/noise={\"sigma\":0.1}", "--out", out.string()});
  CHECK(p.code == 2);
  CHECK(p.err.find("--replications: 100000 replications of 12 candidates would take about ") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(out / "plan.json"));
}

TEST_CASE("the command line itself is bounded: argument count and length") {
  std::vector<std::string> args = {"validate", kQuickstart};
  args.resize(5000, "-q");
  expect_refused(args, {"5000 arguments; at most 4095"});
  expect_refused({"validate", kQuickstart, "--set", "/name=" + std::string(200'000, 'x')},
                 {"argument 4 is 200006 bytes long; at most 131072"});
}

TEST_CASE("prices that would overflow the bill are refused where they are read") {
  // 1e308 per IP-hour once gave "total": null in report.json, with exit 0.
  expect_refused({"validate", kQuickstart, "--set", "/pricing/public_ipv4_per_ip_hour=1e308"},
                 {"/pricing/public_ipv4_per_ip_hour: must be from 0 to 1000 (found 1e+308)"});
  expect_refused({"validate", kQuickstart, "--set", "/pricing/byoip_amortize_months=1e-308"},
                 {"/pricing/byoip_amortize_months: must be from 1 to 1200"});
  expect_refused({"validate", kQuickstart, "--set", "/pricing/byoip_price_per_address=1e300"},
                 {"/pricing/byoip_price_per_address: must be from 0 to 1000000"});
  // At the bounds every figure stays finite: 2^32 addresses for 10 years at $1,000 is 3.8e17.
  const fs::path out = test::fresh_scratch_dir("bounds-price");
  const auto r = test::run_albsim({"run", kQuickstart, "-q", "--out", out.string(), "--set",
                                   "/pricing/public_ipv4_per_ip_hour=1000"});
  REQUIRE(r.code == 0);
  const auto report = nlohmann::json::parse(test::read_text(out / "report.json"));
  CHECK(report["cost"]["managed_only"].is_number());
}

TEST_CASE("an output holding a non-finite number is refused, naming the figure") {
  nlohmann::ordered_json document = {{"cost", {{"total", 1.5}, {"by_lb", {2.0, 3.0}}}}};
  CHECK_NOTHROW(require_finite_numbers(document, "report.json"));
  document["cost"]["by_lb"][1] = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(require_finite_numbers(document, "report.json"),
                    Catch::StartsWith("report.json: /cost/by_lb/1: the figure is not a finite"));
  document["cost"]["by_lb"][1] = std::nan("");
  CHECK_THROWS_AS(require_finite_numbers(document, "report.json"), InputError);
}

TEST_CASE("observe: one window rule, the run's 10 years and a week beyond the source") {
  Folder f;
  const std::string scenario = f.write("s.json", observed_scenario().dump());
  const std::string log = f.write("dns.log", six_hour_dns_log());
  const std::string out = (f.dir / "out").string();
  // Once exit 0: a 3.65 M-row timeseries, the last answer held for 8,000 years.
  expect_refused({"observe", scenario, "--dns-log", log, "-o", out, "--from",
                  "0001-01-01T00:00:00Z", "--to", "9999-01-01T00:00:00Z"},
                 {"--to: 9999-01-01T00:00:00Z: the window", "is longer than 10 years"});
  // Six hours covered: a window reaching 8 days past them is refused, naming what would do.
  expect_refused({"observe", scenario, "--dns-log", log, "-o", out, "--from",
                  "2025-03-01T00:00:00Z", "--to", "2025-03-09T06:00:00Z"},
                 {"dns.log: the source covers 2025-03-01T00:00:00Z .. 2025-03-01T06:00:00Z",
                  "the margin of 7d (a week, or the span covered if longer)",
                  "give --from and --to within 2025-02-22T00:00:00Z .. 2025-03-08T06:00:00Z"});
  // Within the margin: observed over what the log covers, with a warning.
  const auto r = test::run_albsim({"observe", scenario, "--dns-log", log, "-o", out, "-q"});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.err.find("covers only 8.3% of the window") != std::string::npos);  // 6 h of 3 days
}

TEST_CASE("a plot window lies within the run") {
  expect_refused({"run", kQuickstart, "--plot-window", "6d..9d"},
                 {"--plot-window: 6d..9d: ends after the run's horizon (7d)"});
}

TEST_CASE("a document ends at its last byte, and messages show control characters escaped") {
  Folder f;
  // A NUL after a complete document, then anything, was accepted with the rest ignored.
  const std::string text = test::read_text(kQuickstart);
  const std::string trailing = f.write("trailing.json", text + std::string(1, '\0') + "junk");
  expect_refused({"validate", trailing},
                 {"trailing.json: malformed JSON at line", "a NUL byte (\\0)"});
  // A NUL inside a CSV field: the message once stopped at it, with no reason.
  f.write("nul.csv", std::string("time,lcu\n0,5\n60,6\0\n120,7\n", 26));
  const std::string scenario = f.write(
      "s.json", R"({"horizon": "1h", "pools": [], "load_balancers": [{"id": "a", "azs": ["x", "y"],
                   "demand": {"trace": {"file": "nul.csv", "value_column": "lcu",
                   "time_unit": "s"}}}]})");
  expect_refused({"validate", scenario},
                 {"nul.csv line 3: \"6\\x00\" in column \"lcu\" is not a number"});
  f.write("nul.csv", "time,lcu\n0,5\n60,6\x1b[31m\n120,7\n");
  expect_refused({"validate", scenario}, {"\"6\\x1B[31m\" in column \"lcu\" is not a number"});
}

TEST_CASE("import aws: a fault in the inputs names them, not the file it did not write") {
  Folder f;
  const std::string out = (f.dir / "imported.json").string();
  const std::string lbs = test::source_path("tests/data/aws/describe-load-balancers.json");
  expect_refused({"import", "aws", "--load-balancers", lbs, "--horizon", "99999d", "-o", out},
                 {"--horizon: 99999d: not a duration from 1s to 10 years"});
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("empty paths are named as such, never an internal error") {
  // Found by the command-line fuzzer: `import aws ... -o ""` was exit 1 ("cannot make absolute
  // path"); the rest named a file "" with an empty prefix.
  const std::string lbs = test::source_path("tests/data/aws/describe-load-balancers.json");
  expect_refused({"import", "aws", "--load-balancers", lbs, "-o", ""},
                 {"albsim: -o: an empty path names no file"});
  expect_refused({"validate", ""}, {"albsim: \"\": an empty path names no scenario file"});
  expect_refused({"observe", kQuickstart, "--dns-log", "", "-q"},
                 {"albsim: \"\": an empty path names no DNS log"});
  expect_refused({"run", kQuickstart, "-q", "-o", ""}, {"--out: cannot create directory"});
}
