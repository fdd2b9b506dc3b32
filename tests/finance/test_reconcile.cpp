// albsim reconcile: a bill generated from the scenario's own charges matches it; a bill with 10%
// more in-use hours on one load balancer names it and +10%; every malformed bill is refused with
// what to export instead.
#include <zlib.h>

#include <catch2/catch.hpp>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "finance/cur_writer.hpp"
#include "finance/reconcile.hpp"
#include "io/gzip.hpp"
#include "support.hpp"

using namespace albsim;

namespace {

const char* kScenario = "scenarios/finance/ipv4-bill.json";

Scenario finance_scenario() {
  return load_scenario(test::source_path(kScenario));
}

const std::vector<ChargeLine>& simulated_charges() {
  static const std::vector<ChargeLine> charges = simulate_charged(finance_scenario()).charges;
  return charges;
}

Reconciliation reconcile_text(const std::string& csv) {
  test::ScratchFolder folder("reconcile");
  const Bill bill = read_bills({folder.write("cur.csv", csv)});
  return reconcile(finance_scenario(), bill, std::nullopt, std::nullopt);
}

std::string bill_error(const std::vector<std::string>& texts) {
  test::ScratchFolder folder("bad-bill");
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < texts.size(); ++i)
    paths.push_back(folder.write("bill-" + std::to_string(i) + ".csv", texts[i]));
  try {
    reconcile(finance_scenario(), read_bills(paths), std::nullopt, std::nullopt);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string gzip(const std::string& text) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, text.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

const ReconcileRow& row_of(const Reconciliation& r, BillUsage usage, const std::string& resource) {
  for (const ReconcileRow& row : r.by_resource)
    if (row.usage == usage && row.resource == resource) return row;
  FAIL("no row for " << usage_name(usage) << " " << resource);
  throw;
}

const std::string kBoxUsage =
    "1,Usage,AmazonEC2,USE1-BoxUsage:t3.micro,RunInstances,i-0abc,24,0.2496,0.0104,"
    "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,USD,us-east-1\n";

std::string in_use_row(const std::string& start = "2026-11-01T00:00:00Z",
                       const std::string& end = "2026-11-02T00:00:00Z",
                       const std::string& currency = "USD",
                       const std::string& region = "us-east-1") {
  return "2,Usage,AmazonVPC,USE1-PublicIPv4:InUseAddress,,eipalloc-0abc,24,0.12,0.005," + start +
         "," + end + "," + currency + "," + region + "\n";
}

}  // namespace

TEST_CASE("reconcile: a bill of the scenario's own charges matches it everywhere") {
  const Reconciliation r = reconcile_text(test::cur_from_charges(simulated_charges()));
  CHECK(r.by_usage.size() == 3);  // InUseAddress, ContiguousBlock, IPAM
  for (const ReconcileRow& row : r.by_resource) {
    INFO(usage_name(row.usage) << " " << row.resource << ": " << row.cause);
    CHECK(row.cause == "matches");
    CHECK(row.matched == row.resource);
  }
  CHECK(std::abs(r.total.difference()) < 0.005);
  CHECK(r.total.billed_cost > 5);
  CHECK(r.by_day.size() == 9);  // 3 days x 3 usages
}

TEST_CASE("reconcile: 10% more in-use hours on one load balancer names it and +10%") {
  const Reconciliation r =
      reconcile_text(test::cur_from_charges(simulated_charges(), [](const ChargeLine& line) {
        return line.kind == ChargeKind::in_use_address && line.resource_id == "legacy" ? 1.1 : 1.0;
      }));
  const ReconcileRow& legacy = row_of(r, BillUsage::in_use_address, "legacy");
  CHECK(legacy.cause.rfind("+10.0% address-hours billed", 0) == 0);
  CHECK(legacy.figures.billed_quantity == Approx(legacy.figures.simulated_quantity * 1.1));
  CHECK(row_of(r, BillUsage::contiguous_block, "ipam-pool-0a1b2c3d4e5f60789").cause == "matches");
}

TEST_CASE("reconcile: unknown addresses, idle addresses and other services are told apart") {
  const std::string idle =
      "3,Usage,AmazonVPC,USE1-PublicIPv4:IdleAddress,,eipalloc-0def,24,0.12,0.005,"
      "2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,USD,us-east-1\n";
  const Reconciliation r =
      reconcile_text(test::cur_from_charges(simulated_charges()) + kBoxUsage + in_use_row() + idle);
  CHECK(row_of(r, BillUsage::in_use_address, "eipalloc-0abc").cause.find("does not know") !=
        std::string::npos);
  CHECK(row_of(r, BillUsage::idle_address, "eipalloc-0def").cause.rfind("idle addresses", 0) == 0);
  CHECK(row_of(r, BillUsage::in_use_address, "legacy").cause == "matches");
}

TEST_CASE("reconcile: another Region's lines are left out, not compared") {
  std::string eu = in_use_row("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "USD", "eu-west-1");
  eu.replace(eu.find("USE1-"), 5, "EU-");
  const Reconciliation r = reconcile_text(test::cur_from_charges(simulated_charges()) + eu);
  CHECK(r.other_regions == 1);
  CHECK(std::abs(r.total.difference()) < 0.005);
  for (const ReconcileRow& row : r.by_resource) CHECK(row.resource != "eipalloc-0abc");
}

TEST_CASE("reconcile: a gzip export, a legacy CUR header and a FOCUS export are read alike") {
  const std::string csv = test::cur_from_charges(simulated_charges());
  const Reconciliation plain = reconcile_text(csv);
  test::ScratchFolder folder("bill-formats");
  const Bill gz = read_bills({folder.write("cur.csv.gz", gzip(csv))});
  CHECK(reconcile(finance_scenario(), gz, std::nullopt, std::nullopt).total.billed_cost ==
        plain.total.billed_cost);

  std::string legacy = csv;
  legacy.replace(0, legacy.find('\n'),
                 "identity/LineItemId,lineItem/LineItemType,lineItem/ProductCode,"
                 "lineItem/UsageType,lineItem/Operation,lineItem/ResourceId,lineItem/UsageAmount,"
                 "lineItem/UnblendedCost,lineItem/UnblendedRate,lineItem/UsageStartDate,"
                 "lineItem/UsageEndDate,lineItem/CurrencyCode,product/regionCode");
  const Bill old = read_bills({folder.write("legacy.csv", legacy)});
  CHECK(old.formats.front() == "legacy CUR");
  CHECK(reconcile(finance_scenario(), old, std::nullopt, std::nullopt).total.billed_cost ==
        plain.total.billed_cost);

  // FOCUS: legacy's 144 in-use IP-hours over the 3 days, billed to its ARN.
  const std::string focus =
      "BilledCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,"
      "ConsumedQuantity,RegionId,ResourceId,x_UsageType\n"
      "0.72,USD,Usage,2026-11-01T00:00:00Z,2026-11-04T00:00:00Z,144,us-east-1," +
      test::lb_arn("legacy") + ",USE1-PublicIPv4:InUseAddress\n";
  const Bill f = read_bills({folder.write("focus.csv", focus)});
  CHECK(f.formats.front() == "FOCUS");
  const Reconciliation r = reconcile(finance_scenario(), f, std::nullopt, std::nullopt);
  CHECK(row_of(r, BillUsage::in_use_address, "legacy").cause == "matches");
}

TEST_CASE("reconcile: each malformed bill is refused with what to export instead") {
  const std::string header = test::kCurHeader;
  CHECK_THAT(bill_error({header + kBoxUsage}),
             Catch::Contains("no public IPv4 or IPAM line") && Catch::Contains("AWS Data Exports"));
  CHECK_THAT(
      bill_error({header + in_use_row("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "EUR")}),
      Catch::Contains("bill-0.csv: line 2: the bill is in EUR"));
  CHECK_THAT(bill_error({header + in_use_row(), header + in_use_row()}),
             Catch::Contains("bill-1.csv: line 2: USE1-PublicIPv4:InUseAddress of eipalloc-0abc") &&
                 Catch::Contains("overlaps") && Catch::Contains("exported twice"));
  CHECK_THAT(bill_error({header + in_use_row("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z")}),
             Catch::Contains("ipv4-bill.json: /start: the bill's window") &&
                 Catch::Contains("is not inside the scenario's run"));
  {
    nlohmann::json doc = nlohmann::json::parse(test::read_text(test::source_path(kScenario)));
    doc.erase("start");
    doc["horizon"] = "2d";
    test::ScratchFolder folder("short-scenario");
    const Scenario two_days = load_scenario(folder.write("two-days.json", doc.dump()));
    const Bill bill =
        read_bills({folder.write("cur.csv", test::cur_from_charges(simulated_charges()))});
    CHECK_THROWS_WITH(reconcile(two_days, bill, std::nullopt, std::nullopt),
                      Catch::Contains("two-days.json: /horizon: the bill's window") &&
                          Catch::Contains("(3d) is longer than the scenario's horizon (2d)"));
    // Without a start the run is placed at the window's start, and says so.
    doc["horizon"] = "3d";
    const Scenario unplaced = load_scenario(folder.write("unplaced.json", doc.dump()));
    const Reconciliation r = reconcile(unplaced, bill, std::nullopt, std::nullopt);
    CHECK(r.run_note ==
          "the scenario has no start: run from the bill's first hour, 2026-11-01T00:00:00Z");
    CHECK(std::abs(r.total.difference()) < 0.005);
  }
  CHECK_THAT(bill_error({"PAR1\x15\x04"}),
             Catch::Contains("a Parquet file") && Catch::Contains("text/csv"));
  CHECK_THAT(bill_error({"line_item_usage_type,line_item_unblended_cost\nx,1\n"}),
             Catch::Contains("line 1: the header lacks line_item_usage_amount"));
  CHECK_THAT(bill_error({"date,amount\n2026-11-01,3\n"}),
             Catch::Contains("not a CUR 2.0 or FOCUS export"));
  std::string bad_number = header + in_use_row();
  bad_number.replace(bad_number.find(",24,"), 4, ",24 h,");
  CHECK_THAT(bill_error({bad_number}),
             Catch::Contains("line 2: line_item_usage_amount: \"24 h\" is not a number"));
  // Two lines of 1e308 IP-hours once summed to infinity: exit 0, null in reconcile.json.
  std::string huge = header + in_use_row() + in_use_row("2026-11-02T00:00:00Z");
  huge.replace(huge.find(",24,"), 4, ",1e308,");
  CHECK_THAT(bill_error({huge}), Catch::Contains("line 2: line_item_usage_amount: \"1e308\" is "
                                                 "beyond 1e15 either way"));
  std::string credit = header + in_use_row();
  credit.replace(credit.find(",24,"), 4, ",-2e15,");
  CHECK_THAT(bill_error({credit}), Catch::Contains("\"-2e15\" is beyond 1e15 either way"));
  CHECK_THAT(bill_error({header + in_use_row("11/01/2026", "2026-11-02T00:00:00Z")}),
             Catch::Contains("line_item_usage_start_date: \"11/01/2026\" is not a time"));
  CHECK_THAT(bill_error({header + "1,\"Usage,AmazonVPC\n"}),
             Catch::Contains("line 2: a quoted field is never closed"));
  CHECK_THAT(bill_error({header + "1,Usage,AmazonVPC\n"}),
             Catch::Contains("line 2: 3 fields where the header has 13"));
  CHECK_THAT(bill_error({header + in_use_row("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "USD",
                                             "eu-west-1")}),
             Catch::Contains("lines are in eu-west-1, none in the scenario's region us-east-1") &&
                 Catch::Contains("its own scenario"));
  CHECK_THAT(bill_error({""}), Catch::Contains("empty: no header row"));
  const std::string packed = gzip(header + in_use_row());
  CHECK_THAT(bill_error({packed.substr(0, packed.size() / 2)}),
             Catch::Contains("the gzip stream is truncated"));
  CHECK_THAT(bill_error({header + in_use_row("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z")}),
             Catch::Contains("the usage period ends before it starts"));
}

TEST_CASE("albsim reconcile: prints the comparison, writes reconcile.json, exit 2 on a bad bill") {
  test::ScratchFolder folder("reconcile-cli");
  const std::string bill = folder.write("cur.csv", test::cur_from_charges(simulated_charges()));
  const test::CliResult ok = test::run_albsim({"reconcile", test::source_path(kScenario), "--bill",
                                               bill, "--out", (folder.dir / "out").string()});
  REQUIRE(ok.code == 0);
  CHECK_THAT(ok.out, Catch::Contains("difference $0.00"));
  const nlohmann::json json =
      nlohmann::json::parse(test::read_text(folder.dir / "out" / "reconcile.json"));
  CHECK(json["schema"] == "albsim.reconcile/1");
  CHECK(std::abs(json["total"]["difference_usd"].get<double>()) < 0.005);

  const std::string eur = folder.write(
      "eur.csv", std::string(test::kCurHeader) +
                     in_use_row("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "EUR"));
  const test::CliResult bad = test::run_albsim({"reconcile", test::source_path(kScenario), "--bill",
                                                eur, "--out", (folder.dir / "bad").string()});
  CHECK(bad.code == 2);
  CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
  CHECK(!std::filesystem::exists(folder.dir / "bad"));
  const test::CliResult reversed =
      test::run_albsim({"reconcile", test::source_path(kScenario), "--bill", bill, "--from",
                        "2026-11-03T00:00:00Z", "--to", "2026-11-02T00:00:00Z"});
  CHECK(reversed.code == 2);
}

TEST_CASE("albsim reconcile: observe's window rule, against the hours the bill's lines cover") {
  // The shipped bill's lines cover 2026-11-01 .. 2026-11-04: 3 days, so the margin is a week.
  const std::string bill = test::source_path("scenarios/finance/cur-2026-11.csv");
  test::ScratchFolder folder("reconcile-window");
  const test::CliResult month = test::run_albsim(
      {"reconcile", test::source_path(kScenario), "--bill", bill, "--from", "2026-11-01T00:00:00Z",
       "--to", "2026-12-01T00:00:00Z", "--out", (folder.dir / "month").string()});
  INFO(month.err);
  CHECK(month.code == 2);
  CHECK(std::count(month.err.begin(), month.err.end(), '\n') == 1);
  CHECK_THAT(month.err, Catch::Contains("cur-2026-11.csv: the bill covers 2026-11-01T00:00:00Z .. "
                                        "2026-11-04T00:00:00Z, and the window"));
  CHECK_THAT(month.err, Catch::Contains("the margin of 7d (a week, or the span covered if longer); "
                                        "give --from and --to within 2026-10-25T00:00:00Z .. "
                                        "2026-11-11T00:00:00Z"));
  CHECK(!std::filesystem::exists(folder.dir / "month"));

  // Two days past the bill, in a run of a week: compared, with a warning (3 of 5 days billed).
  const test::CliResult within =
      test::run_albsim({"reconcile", test::source_path(kScenario), "--set", "/horizon=7d", "--bill",
                        bill, "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-06T00:00:00Z",
                        "--out", (folder.dir / "within").string()});
  INFO(within.err);
  REQUIRE(within.code == 0);
  CHECK_THAT(within.err, Catch::Contains("warning: the bill's lines cover 2026-11-01T00:00:00Z .. "
                                         "2026-11-04T00:00:00Z, 60.0% of the window"));
  const nlohmann::json json =
      nlohmann::json::parse(test::read_text(folder.dir / "within" / "reconcile.json"));
  CHECK(json["bill_covers"]["from"] == "2026-11-01T00:00:00Z");
  CHECK(json["bill_covers"]["to"] == "2026-11-04T00:00:00Z");
  CHECK(json["window"]["to"] == "2026-11-06T00:00:00Z");
}

TEST_CASE("a gzip stream that inflates past the limit is refused, not held") {
  const std::string packed = gzip(std::string(1 << 20, '0'));  // 1 MiB of zeros: about 1 KiB
  CHECK(packed.size() < 4096);
  CHECK_THROWS_WITH(
      inflated(packed, "the bill", 64 << 10),
      Catch::Contains("the bill: inflates to more than 65536 bytes; split the export"));
  CHECK(inflated(packed, "the bill").size() == 1 << 20);
}
