// Charge lines (albsim/charges.hpp): a small run's lines derived by hand from MODEL.md §6, and
// every example scenario's lines summing to its report's total.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "albsim/charges.hpp"
#include "albsim/load_scenario.hpp"
#include "core/calendar.hpp"
#include "io/csv_rows.hpp"
#include "support.hpp"

using namespace albsim;

namespace {

// Two days from noon: periods of 12 h, 24 h and 12 h. "blk" is a /30 Amazon block (4 addresses)
// with one reserved address; "a" holds 2 of its addresses (one node in each of 2 AZs, all run);
// "m" has no pool and holds 2 AWS-managed addresses.
const nlohmann::json kTwoDays = {
    {"name", "two-days"},
    {"start", "2026-11-01T12:00:00Z"},
    {"horizon", "2d"},
    {"pricing", {{"ipam_tier", "advanced"}}},
    {"pools",
     {{{"id", "blk"}, {"source", "amazon"}, {"locale", "us-east-1"}, {"cidrs", {"192.0.2.0/30"}}}}},
    {"reservations", {{{"pool", "blk"}, {"count", 1}}}},
    {"load_balancers",
     {{{"id", "a"},
       {"pool", "blk"},
       {"azs", {"use1-az1", "use1-az2"}},
       {"demand", {{"constant", 1}}}},
      {{"id", "m"}, {"azs", {"use1-az1", "use1-az2"}}, {"demand", {{"constant", 1}}}}}}};

struct Expected {
  const char* usage_type;
  const char* resource;
  const char* consumer;
  double ip_hours;  // in a 24-hour period
  double price;
};

}  // namespace

TEST_CASE("charges: two days from noon, by hand") {
  const ChargedRun run = simulate_charged(test::scenario_from(kTwoDays));
  // Per 24 hours: m 2 managed addresses; the block's 4 addresses: 2 a's, 1 reserved, 1 unused;
  // IPAM: the pool's 3 active addresses. A line per period, in this order.
  const Expected per_day[] = {
      {"USE1-PublicIPv4:InUseAddress", "m", "load balancer m", 48, 0.005},
      {"USE1-PublicIPv4:ContiguousBlock", "blk", "load balancer a", 48, 0.008},
      {"USE1-PublicIPv4:ContiguousBlock", "blk", "reservations", 24, 0.008},
      {"USE1-PublicIPv4:ContiguousBlock", "blk", "unused", 24, 0.008},
      {"USE1-IPAddressManager-IP-Hours", "blk", "load balancer a", 48, 0.00027},
      {"USE1-IPAddressManager-IP-Hours", "blk", "reservations", 24, 0.00027}};
  const char* starts[] = {"2026-11-01T12:00:00Z", "2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z"};
  const char* ends[] = {"2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z", "2026-11-03T12:00:00Z"};
  const double hours[] = {12, 24, 12};
  REQUIRE(run.charges.size() == 18);
  double total = 0;
  for (std::size_t p = 0; p < 3; ++p)
    for (std::size_t k = 0; k < 6; ++k) {
      const ChargeLine& line = run.charges[p * 6 + k];
      const Expected& e = per_day[k];
      INFO("period " << p << ", line " << k << ": " << line.usage_type << " " << line.consumer);
      CHECK(format_iso8601_utc(line.start_ms) == starts[p]);
      CHECK(format_iso8601_utc(line.end_ms) == ends[p]);
      CHECK(line.usage_type == e.usage_type);
      CHECK(line.resource_id == e.resource);
      CHECK(line.consumer == e.consumer);
      CHECK(line.quantity == Approx(e.ip_hours * hours[p] / 24));
      CHECK(line.unit_price == e.price);
      CHECK(line.cost == Approx(e.ip_hours * hours[p] / 24 * e.price));
      total += line.cost;
    }
  // 2 days: managed 96 IP-h x $0.005, the block 192 x $0.008, IPAM 144 x $0.00027.
  CHECK(total == Approx(96 * 0.005 + 192 * 0.008 + 144 * 0.00027));
  CHECK(run.report.cost.total == Approx(total));
  CHECK(run.charges[0].pool.empty());
  CHECK(run.charges[1].load_balancer == "a");
  CHECK(run.charges[2].load_balancer.empty());
}

TEST_CASE("charges: BYOIP ownership is split among the block's holders and its unused space") {
  nlohmann::json doc = kTwoDays;
  doc["pools"] = {{{"id", "corp"},
                   {"source", "byoip"},
                   {"locale", "us-east-1"},
                   {"cidrs", {"198.51.100.0/24"}}}};
  doc["reservations"] = {{{"pool", "corp"}, {"count", 1}}};
  doc["load_balancers"][0]["pool"] = "corp";
  doc["pricing"] = {{"byoip_price_per_address", 36.5}, {"byoip_amortize_months", 10}};
  const ChargedRun run = simulate_charged(test::scenario_from(doc));
  // $36.5 / 10 months / 730 h = $0.005 per address-hour, on all 256 addresses over 48 hours.
  double ownership = 0, unused = 0;
  for (const ChargeLine& line : run.charges)
    if (line.kind == ChargeKind::byoip_ownership) {
      CHECK(line.unit_price == Approx(0.005));
      ownership += line.quantity;
      if (line.consumer == "unused") unused += line.quantity;
    }
  CHECK(ownership == Approx(256 * 48));
  CHECK(unused == Approx((256 - 3) * 48));
  CHECK(run.report.cost.byoip_ownership == Approx(256 * 48 * 0.005));
}

TEST_CASE("charges: every example scenario's lines sum to its report's total") {
  for (const char* folder : {"scenarios", "scenarios/finance"})
    for (const auto& entry : std::filesystem::directory_iterator(test::source_path(folder))) {
      if (entry.path().extension() != ".json") continue;
      Scenario scenario = load_scenario(entry.path().string());
      if (!scenario.start_epoch_ms)
        scenario.start_epoch_ms = *parse_iso8601("2026-11-01T06:30:00Z");
      scenario.pricing.ipam_advanced = true;  // every category priced
      scenario.pricing.byoip_price_per_address = Usd(40);
      const ChargedRun run = simulate_charged(scenario);
      double total = 0;
      for (const ChargeLine& line : run.charges) total += line.cost;
      INFO(entry.path().filename().string() << ": " << run.charges.size() << " lines");
      CHECK(std::abs(total - run.report.cost.total) < 0.005);
      CHECK(run.report.cost.total > 0);
    }
}

TEST_CASE("charges need the scenario's start") {
  nlohmann::json doc = kTwoDays;
  doc.erase("start");
  CHECK_THROWS_WITH(simulate_charged(test::scenario_from(doc)),
                    Catch::Contains("/start: charges are dated"));
}

TEST_CASE("charges across replications: mean lines summing to the mean total, and percentiles") {
  const std::filesystem::path dir = test::fresh_scratch_dir("charges-mc");
  const char* file = "scenarios/amazon-29-random.json";
  const test::CliResult r = test::run_albsim({"run", test::source_path(file), "--out", dir.string(),
                                              "--charges", "--replications", "4", "-q"});
  REQUIRE(r.code == 0);
  // Independently: the four replications' own lines, averaged by hand for the first day's
  // "load balancer payments" block line.
  const Scenario scenario = load_scenario(test::source_path(file));
  double total = 0, first_line = 0;
  for (std::uint64_t k = 0; k < 4; ++k) {
    SimulationOptions options;
    options.replication = k;
    const ChargedRun run = simulate_charged(scenario, options);
    total += run.report.cost.total / 4;
    for (const ChargeLine& line : run.charges)
      if (line.start_ms == *scenario.start_epoch_ms && line.consumer == "load balancer payments")
        first_line += line.cost / 4;
  }
  const std::string csv = test::read_text(dir / "charges.csv");
  const std::string percentiles = test::read_text(dir / "charges_percentiles.csv");
  CsvRows rows(csv), spread(percentiles);
  std::vector<std::string> header, f, spread_header, g;
  REQUIRE(rows.next(header));
  REQUIRE(spread.next(spread_header));
  const auto column = [](const std::vector<std::string>& h, const std::string& name) {
    return static_cast<std::size_t>(std::find(h.begin(), h.end(), name) - h.begin());
  };
  double billed = 0;
  std::size_t lines = 0;
  while (rows.next(f)) {
    REQUIRE(spread.next(g));  // one percentile row per line, in the same order
    ++lines;
    const double cost = std::stod(f[column(header, "BilledCost")]);
    billed += cost;
    CHECK(g[column(spread_header, "x_Consumer")] == f[column(header, "x_Consumer")]);
    CHECK(std::stod(g[column(spread_header, "cost_usd_mean")]) == Approx(cost));
    CHECK(std::stod(g[column(spread_header, "cost_usd_min")]) <=
          std::stod(g[column(spread_header, "cost_usd_p50")]));
    CHECK(std::stod(g[column(spread_header, "cost_usd_p95")]) <=
          std::stod(g[column(spread_header, "cost_usd_max")]));
    CHECK(g[column(spread_header, "replications")] == "4");
    if (lines == 1) CHECK(cost == Approx(first_line));
  }
  CHECK(!spread.next(g));
  CHECK(lines > 30);
  CHECK(std::llround(billed * 100) == std::llround(total * 100));
  const nlohmann::json report = nlohmann::json::parse(test::read_text(dir / "report.json"));
  CHECK(report["distribution"]["cost"]["total"]["mean"].get<double>() == Approx(total));
}

TEST_CASE("charges across too many replications are refused before any run") {
  // amazon-29-random: 32 days x (1 managed + 3 block lines) = 128 lines a run at most.
  const test::CliResult r =
      test::run_albsim({"run", test::source_path("scenarios/amazon-29-random.json"), "--out",
                        test::fresh_scratch_dir("charges-many").string(), "--charges",
                        "--replications", "50000", "-q"});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("--replications: 50000: --charges keeps every replication's") &&
                        Catch::Contains("give --replications 39062 or fewer"));
}
