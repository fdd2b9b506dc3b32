// The command line in-process: exit codes, one-line errors, output files and their atomicity.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support.hpp"

namespace fs = std::filesystem;
using namespace albsim;

namespace {

test::CliResult cli(const std::vector<std::string>& args) {
  return test::run_albsim(args);
}

fs::path fresh_dir(const std::string& name) {
  return test::fresh_scratch_dir("test-" + name);
}

std::size_t lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("run writes report.json and timeseries.csv and prints a summary") {
  const fs::path dir = fresh_dir("run");
  const auto r =
      cli({"run", test::source_path("tests/golden/child_pool_steps.json"), "--out", dir.string()});
  CHECK(r.code == 0);
  CHECK(r.out.find("api") != std::string::npos);
  const auto report = nlohmann::json::parse(test::read_text(dir / "report.json"));
  CHECK(report["schema"] == "albsim.report/1");
  CHECK(report["load_balancers"][0]["addresses"]["peak_managed"] == 8);
  const std::string csv = test::read_text(dir / "timeseries.csv");
  CHECK(csv.rfind("t_s,pool:byoip:in_use,pool:tiny:in_use,lb:api:pool_addresses,", 0) == 0);
  CHECK(lines(csv) == 1 + 1440);  // header + 1d at the default 1m step
  // At 2h10m the pool is full and 8 managed nodes serve: 4 pool, 8 managed, 12 exposed, 8 outside.
  // Each AZ holds 4 nodes: the initial one and 3 launched at 2h.
  CHECK(csv.find("\n7800,0,4,4,8,12,8,300,4,4,4\n") != std::string::npos);
}

TEST_CASE("the timeseries step is configurable and the output deterministic") {
  const fs::path a = fresh_dir("det-a"), b = fresh_dir("det-b");
  const auto file = test::source_path("tests/golden/child_pool_steps.json");
  CHECK(cli({"run", file, "-o", a.string(), "--timeseries-step", "1h", "-q"}).code == 0);
  CHECK(cli({"run", file, "-o", b.string(), "--timeseries-step", "1h", "-q"}).code == 0);
  CHECK(test::read_text(a / "report.json") == test::read_text(b / "report.json"));
  CHECK(test::read_text(a / "timeseries.csv") == test::read_text(b / "timeseries.csv"));
  CHECK(lines(test::read_text(a / "timeseries.csv")) == 1 + 24);
  CHECK(cli({"run", file, "-o", a.string(), "--timeseries-step", "soon"}).code == 2);
  CHECK(cli({"run", file, "-o", a.string(), "--timeseries-step", "1ms"})
            .err.find("10,000,000 rows") != std::string::npos);
}

TEST_CASE("bad input exits 2 with one line and writes no output") {
  const fs::path dir = fresh_dir("bad");
  const fs::path scenario = test::scratch_path("test-bad.json");
  std::ofstream(scenario) << R"({"horizon": "1d", "pools": [], "load_balancers": [
    {"id": "a", "azs": ["x", "y"], "demand": {"constant": 1}, "min_nodes_per_az": 3, "max_nodes_per_az": 2}]})";
  const auto r = cli({"run", scenario.string(), "--out", dir.string()});
  CHECK(r.code == 2);
  CHECK(lines(r.err) == 1);
  CHECK(r.err.find(scenario.string() + ": /load_balancers/0/min_nodes_per_az: ") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir / "report.json"));
  CHECK_FALSE(fs::exists(dir / "timeseries.csv"));
  CHECK(cli({"validate", scenario.string()}).code == 2);
  CHECK(cli({"run", "/nonexistent/scenario.json"}).err.find("cannot open") != std::string::npos);
  const auto unwritable = cli({"run", test::source_path("tests/golden/one_alb_constant.json"),
                               "--out", "/proc/albsim-cannot-write-here"});
  CHECK(unwritable.code == 2);
  CHECK(unwritable.err.find("--out") != std::string::npos);
  CHECK(cli({"run", test::source_path("tests/golden/child_pool_steps.json"), "--set", "horizon=2d"})
            .code == 2);
}

TEST_CASE("validate, --set, --version, --help and usage errors") {
  const auto file = test::source_path("tests/golden/one_alb_constant.json");
  auto r = cli({"validate", file});
  CHECK(r.code == 0);
  CHECK(r.out.find(": ok (1 pools, 1 load balancers") != std::string::npos);
  r = cli({"validate", file, "--set", "/load_balancers/0/azs=[\"a\"]"});
  CHECK(r.code == 2);
  CHECK(r.err.find("/load_balancers/0/azs") != std::string::npos);
  CHECK(cli({"--version"}).out.find("albsim ") == 0);
  CHECK(cli({"--help"}).code == 0);
  CHECK(cli({"run", "--help"}).out.find("--timeseries-step") != std::string::npos);
  CHECK(cli({}).code == 2);
  CHECK(cli({"frobnicate"}).code == 2);
  CHECK(cli({"run", file, "--threads", "-1"}).code == 2);
}

TEST_CASE("a --set override creates the objects missing on its way, never array elements") {
  // The scenario has no `pricing`: the docs' --set /pricing/... must still work, and the
  // price must reach the report.
  const auto file = test::source_path("tests/golden/one_alb_constant.json");
  const auto dir = test::fresh_scratch_dir("set-parents");
  auto r = cli(
      {"run", file, "-q", "--out", dir.string(), "--set", "/pricing/byoip_price_per_address=30"});
  REQUIRE(r.code == 0);
  const auto report = nlohmann::json::parse(test::read_text(dir / "report.json"));
  CHECK(report["scenario"]["pricing"]["byoip_price_per_address"] == 30);
  std::filesystem::remove_all(dir);

  r = cli({"validate", file, "--set", "/load_balancers/3/demand/constant=2"});
  CHECK(r.code == 2);
  CHECK(r.err.find("/load_balancers/3 does not exist and --set does not create array elements") !=
        std::string::npos);
  r = cli({"validate", file, "--set", "/horizon/x=2"});
  CHECK(r.code == 2);
  CHECK(r.err.find("/horizon is a string, not an object or array") != std::string::npos);
  r = cli({"validate", file, "--set", "/pricing/nonsense/deeper=1"});  // created, then refused
  CHECK(r.code == 2);
  CHECK(r.err.find("/pricing/nonsense: unknown key \"nonsense\"") != std::string::npos);
}

TEST_CASE("run --seed changes the random draws and is recorded") {
  const auto file = test::source_path("scenarios/amazon-29-random.json");
  const fs::path a = fresh_dir("seed-a"), b = fresh_dir("seed-b");
  CHECK(cli({"run", file, "-o", a.string(), "--replications", "1", "--seed", "1", "-q"}).code == 0);
  CHECK(cli({"run", file, "-o", b.string(), "--replications", "1", "--seed", "2", "-q"}).code == 0);
  CHECK(nlohmann::json::parse(test::read_text(a / "report.json"))["scenario"]["seed"] == 1);
  CHECK(test::read_text(a / "timeseries.csv") != test::read_text(b / "timeseries.csv"));
}

TEST_CASE("run --replications adds the distribution to report.json and the summary") {
  const fs::path dir = fresh_dir("replications");
  const auto file = test::source_path("scenarios/amazon-29-random.json");
  const auto r = cli({"run", file, "-o", dir.string(), "--replications", "8", "--threads", "2"});
  CHECK(r.code == 0);
  CHECK(r.out.find("Across 8 replications") != std::string::npos);
  CHECK(r.err.empty());  // not a terminal: no progress bar
  const auto report = nlohmann::json::parse(test::read_text(dir / "report.json"));
  CHECK(report["scenario"]["replications"] == 8);
  const auto& peak = report["distribution"]["load_balancers"][0]["addresses"]["peak_total"];
  CHECK(peak["min"].get<double>() <= peak["p50"].get<double>());
  CHECK(peak["p50"].get<double>() <= peak["max"].get<double>());
  CHECK(report["distribution"]["load_balancers"][0]["breach_probability"]["replications"] == 8);
}
