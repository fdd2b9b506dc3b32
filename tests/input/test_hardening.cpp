// The input boundary and the outputs under hostile input (issue "Hardening"): each case is a
// reproducer that once crashed, exited 1, ran away or wrote a broken file. Every refusal is exit
// code 2 with one printable line that names the file and the JSON pointer or line.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "albsim/input_error.hpp"
#include "io/read_file.hpp"
#include "report/finite_json.hpp"
#include "support.hpp"

using namespace albsim;
namespace fs = std::filesystem;

namespace {

struct Folder : test::ScratchFolder {
  Folder() : ScratchFolder("hardening") {}
};

// One load balancer whose demand replays `trace` (a JSON object) from the scenario's folder.
std::string trace_scenario(const std::string& trace) {
  return R"({"horizon": "1d", "pools": [], "load_balancers": [{"id": "a", "azs": ["x", "y"],
             "demand": {"trace": )" +
         trace + "}}]}";
}

// `albsim ARGS` must exit 2 with one line holding every fragment, and write no report.
void expect_refused(std::vector<std::string> args, const std::vector<std::string>& fragments) {
  const fs::path out = test::fresh_scratch_dir("hardening-out");
  if (args.front() == "run") args.insert(args.end(), {"--out", out.string(), "--quiet"});
  const auto r = test::run_albsim(args);
  INFO(r.err);
  CHECK(r.code == 2);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  for (const std::string& fragment : fragments) CHECK(r.err.find(fragment) != std::string::npos);
  CHECK_FALSE(fs::exists(out / "report.json"));
}

const std::string kQuickstart = test::source_path("scenarios/quickstart.json");

}  // namespace

TEST_CASE("CloudWatch results of the wrong shape are refused, never read out of bounds") {
  Folder f;
  const std::string scenario =
      f.write("s.json", trace_scenario(R"({"file": "cw.json", "format": "cloudwatch"})"));
  const std::string pointer = "/load_balancers/0/demand/trace/file";
  f.write("cw.json", R"({"MetricDataResults": [{}]})");
  expect_refused({"validate", scenario}, {pointer, "Timestamps and Values must be arrays"});
  f.write("cw.json", R"({"MetricDataResults": [{"Timestamps": []}]})");
  expect_refused({"validate", scenario}, {pointer, "Timestamps and Values must be arrays"});
  f.write("cw.json", R"({"MetricDataResults": [5]})");
  expect_refused({"validate", scenario}, {pointer, "MetricDataResults[0] is not an object"});
  f.write("cw.json", R"({"MetricDataResults": [{"Id": 7, "Timestamps": [], "Values": []}]})");
  expect_refused({"validate", scenario}, {pointer, "MetricDataResults[0]/Id is not a string"});
  f.write("cw.json", R"({"MetricDataResults": [{"Id": "m", "Timestamps": ["2026-01-01T00:00:00Z"],
                         "Values": [1e400]}]})");
  expect_refused({"validate", scenario}, {pointer, "line 2, column 37", "1e400 does not fit"});
}

TEST_CASE("numbers that overflow a double are refused with their place, wherever they come from") {
  Folder f;
  // The "1" of 1e400 is column 13 of line 1.
  const std::string scenario = f.write("big.json", R"({"horizon": 1e400, "pools": []})");
  expect_refused({"validate", scenario},
                 {scenario, "malformed JSON at line 1, column 13: the number 1e400 does not fit"});
  expect_refused({"validate", kQuickstart, "--set", "/seed=2e2222"},
                 {"--set: /seed: the number 2e2222 does not fit a double"});
  const std::string ranges = f.write("ranges.json", R"({"prefixes": [{"x": -1e999}]})");
  const std::string with_ranges =
      f.write("r.json", R"({"horizon": "1d", "pools": [], "load_balancers": [],
                            "managed_ranges": {"ip_ranges_file": "ranges.json"}})");
  expect_refused({"validate", with_ranges}, {"ranges.json", "1e999 does not fit a double"});
  const std::string pools = f.write("pools.json", R"({"IpamPools": [{"x": 1e400}]})");
  expect_refused({"import", "aws", "--ipam-pools", pools, "--load-balancers",
                  test::source_path("tests/data/aws/describe-load-balancers.json"), "--out",
                  (f.dir / "imported.json").string()},
                 {pools, "line 1, column 22: the number 1e400 does not fit"});
}

TEST_CASE("YAML or the AWS CLI text and table output are named as not JSON wherever JSON is read") {
  Folder f;
  const std::string kHint = "albsim reads JSON, which the AWS CLI prints with --output json";
  const std::string yaml = f.write("s.json", "name: web\nhorizon: 7d\n");
  expect_refused({"validate", yaml}, {yaml, ": not JSON: it starts \"name: web\" (YAML", kHint});
  // aws elbv2 describe-load-balancers --output text: the first 30 bytes are quoted, the tab escaped
  // (13 letters, a tab, then 16 of the ARN).
  const std::string text = f.write(
      "lbs.json", "LOADBALANCERS\tarn:aws:elasticloadbalancing:us-east-1:123456789012\tweb\n");
  expect_refused(
      {"import", "aws", "--load-balancers", text, "--out", (f.dir / "imported.json").string()},
      {text, "not JSON: it starts \"LOADBALANCERS\\x09arn:aws:elasticl...\"", kHint});
  // aws cloudwatch get-metric-data --output table, as a trace.
  f.write("cw.json", "\n------------------------\n|    GetMetricData     |\n");
  const std::string scenario =
      f.write("t.json", trace_scenario(R"({"file": "cw.json", "format": "cloudwatch"})"));
  expect_refused({"validate", scenario},
                 {"/load_balancers/0/demand/trace/file", "not JSON: it starts \"-----", kHint});
  // aws ec2 get-ipam-address-history --output yaml, read by the streaming parser.
  const std::string history = f.write("h.json", "HistoryRecords:\n- ResourceCidr: 3.5.140.7/32\n");
  expect_refused({"observe", kQuickstart, "--ipam-history", history},
                 {history, "not JSON: it starts \"HistoryRecords:\"", kHint});
  // A truncated JSON document keeps the parser's own place and reason.
  const std::string truncated = f.write("cut.json", "{\"name\": 1,");
  expect_refused({"validate", truncated}, {"malformed JSON at line 1, column 12"});
}

TEST_CASE(
    "set overrides: invalid UTF-8, an index far past an array's end, a missing optional key") {
  expect_refused({"run", kQuickstart, "--set", "/name=\xff\xfe"},
                 {"--set: /name: the value is not valid UTF-8: \\xFF\\xFE"});
  // Refused at once: no array is padded to 100 million nulls.
  expect_refused({"validate", kQuickstart, "--set", "/load_balancers/0/azs/99999999=x"},
                 {"/load_balancers/0/azs/99999999: the index is past the end of an array of 3"});
  expect_refused({"validate", kQuickstart, "--set", "/load_balancers/0/azs/x=x"},
                 {"not an array index"});
  // The horizon is checked before anything that depends on it.
  expect_refused({"validate", kQuickstart, "--set", "/horizon=0"},
                 {kQuickstart + ": /horizon: must be greater than 0"});
}

TEST_CASE("trace times far apart are refused before any arithmetic can overflow") {
  Folder f;
  const std::string scenario = f.write(
      "s.json", trace_scenario(R"({"file": "t.csv", "value_column": "v", "time_unit": "s"})"));
  f.write("t.csv", "t,v\n0,1\n9200000000000000,2\n");
  expect_refused({"validate", scenario}, {"t.csv line 3", "too far from 0"});
  f.write("t.csv", "t,v\n-9200000000000000,1\n9200000000000000,2\n");
  expect_refused({"validate", scenario}, {"t.csv line 2", "too far from 0"});
  f.write("t.csv", "t,v\n0,1\n1000000000000,2\n");  // 1e12 s: at the limit, accepted
  CHECK(test::run_albsim({"validate", scenario}).code == 0);
}

TEST_CASE("CSV traces: a byte-order mark and any line ending") {
  Folder f;
  const std::string scenario = f.write(
      "s.json",
      trace_scenario(
          R"({"file": "t.csv", "time_column": "t", "value_column": "v", "time_unit": "s"})"));
  for (const std::string text :
       {"\xEF\xBB\xBFt,v\n0,10\n60,20\n", "t,v\r0,10\r60,20\r", "t,v\r\n0,10\r\n60,20\r\n"}) {
    f.write("t.csv", text);
    const auto r = test::run_albsim({"validate", scenario});
    INFO(r.err);
    CHECK(r.code == 0);
  }
  // A column that is missing is named as it is, and the line stays short.
  f.write("t.csv", "t,w\r0,10\r60,20\r");
  expect_refused({"validate", scenario}, {"t.csv line 1: no column \"v\" (columns: \"t\", \"w\")"});
}

TEST_CASE("messages are one printable line: control bytes and bad UTF-8 escaped, length bounded") {
  const InputError e("f.json", "/name", std::string("bad \xff id a\nb\rc") + '\0' + "d");
  CHECK(std::string(e.what()) == "f.json: /name: bad \\xFF id a\\x0Ab\\x0Dc\\x00d");
  CHECK(printable_line("caf\xc3\xa9") == "caf\xc3\xa9");       // valid UTF-8 stays
  CHECK(printable_line("\xed\xa0\x80") == "\\xED\\xA0\\x80");  // a surrogate is not UTF-8
  const std::string long_text(5000, 'x');
  const std::string cut = InputError("f", "", long_text).what();
  CHECK(cut.size() < 1100);
  CHECK(cut.find("more bytes)") != std::string::npos);
}

TEST_CASE("files: directories, size limits, devices and nesting fail fast") {
  Folder f;
  expect_refused({"validate", f.dir.string()}, {f.dir.string() + ": is a directory"});
  // /dev/zero never ends, and a FIFO may never be written: neither is opened.
  CHECK_THROWS_WITH(read_file("/dev/zero", "trace file", 1 << 20),
                    Catch::Contains("is a character device, not the trace file"));
  expect_refused({"validate", "/dev/zero"}, {"/dev/zero: is a character device"});
  const fs::path fifo = f.dir / "fifo.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  expect_refused({"validate", fifo.string()}, {"fifo.json: is a FIFO (a named pipe)"});
  // A file over the limit is refused from its size, before a byte is read (a sparse 65 MiB).
  const std::string big = f.write("big.json", "{}");
  fs::resize_file(big, (64 << 20) + (1 << 20));
  expect_refused({"validate", big}, {"big.json: is 65 MiB, larger than the limit of 64 MiB"});
  const std::string deep = f.write("deep.json", std::string(100, '[') + std::string(100, ']'));
  expect_refused({"validate", deep}, {"nested deeper than 64"});
}

TEST_CASE("every reader refuses a FIFO in place of its file, naming the file's role") {
  Folder f;
  const fs::path fifo = f.dir / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const fs::path out = f.dir / "out";
  const auto refused_as = [&](std::vector<std::string> args, const std::string& role) {
    const auto r = test::run_albsim(std::move(args));
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find("is a FIFO (a named pipe), not the " + role +
                     "; albsim reads regular files only") != std::string::npos);
  };
  refused_as({"validate", fifo.string()}, "scenario file");
  refused_as({"reconcile", kQuickstart, "--bill", fifo.string(), "-o", out.string()}, "bill");
  refused_as({"observe", kQuickstart, "--dns-log", fifo.string(), "-o", out.string()}, "DNS log");
  refused_as({"observe", kQuickstart, "--ipam-history", fifo.string(), "-o", out.string()},
             "IPAM address history");
  refused_as({"import", "aws", "--load-balancers", fifo.string(), "-o", out.string()}, "JSON file");
  refused_as({"import", "terraform", fifo.string(), "-o", out.string()}, "Terraform JSON");

  // The files of albsim's own outputs, read again by `report` and `merge`: a run's folder with
  // its report, then its timeseries, replaced by a FIFO; a shard's timeseries (which `merge`
  // once waited on for ever).
  const fs::path run = f.dir / "run";
  REQUIRE(test::run_albsim({"run", kQuickstart, "--out", run.string(), "--quiet"}).code == 0);
  fs::remove(run / "timeseries.csv");
  REQUIRE(::mkfifo((run / "timeseries.csv").c_str(), 0600) == 0);
  refused_as({"report", run.string()}, "timeseries file");
  fs::remove(run / "report.json");
  REQUIRE(::mkfifo((run / "report.json").c_str(), 0600) == 0);
  refused_as({"report", run.string()}, "run's report");
  const fs::path shards = f.dir / "shards";
  REQUIRE(test::run_albsim({"run", kQuickstart, "--shard", "0/1", "--out", shards.string(), "-q"})
              .code == 0);
  fs::remove(shards / "shard-0.timeseries.csv");
  REQUIRE(::mkfifo((shards / "shard-0.timeseries.csv").c_str(), 0600) == 0);
  refused_as({"merge", shards.string(), "--out", out.string()}, "shard's timeseries");
  CHECK_FALSE(fs::exists(out / "report.json"));
}

TEST_CASE("a path or a name that is not UTF-8 reaches an output as U+FFFD, never exit 1") {
  const std::string replaced = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
  CHECK(json_output_text(nlohmann::json("a\xFF"
                                        "b"),
                         -1) == "\"a" + replaced + "b\"");

  Folder f;
  const auto copy_as = [&](const std::string& from, const std::string& name) {
    fs::copy_file(test::source_path(from), f.dir / name);
    return (f.dir / name).string();
  };
  // reconcile.json records the scenario's and the bill's paths as given, and the bill's
  // resource ids: each once ended in nlohmann's type_error, exit 1.
  const std::string scenario = copy_as("scenarios/finance/ipv4-bill.json", "s\xFF.json");
  const std::string bill = copy_as("scenarios/finance/cur-2026-11.csv", "b\xFF.csv");
  std::string text = test::read_text(bill);
  text.replace(text.find("ipam-pool-0a1b2c3d4e5f60789"), 27, "ipam-pool-\xFE");
  std::ofstream(bill, std::ios::binary) << text;
  const fs::path out = f.dir / "reconciled";
  const auto r = test::run_albsim({"reconcile", scenario, "--bill", bill, "--out", out.string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string json = test::read_text(out / "reconcile.json");
  CHECK(json.find("s" + replaced + ".json") != std::string::npos);
  CHECK(json.find("b" + replaced + ".csv") != std::string::npos);
  CHECK(json.find("ipam-pool-" + replaced) != std::string::npos);

  // A shard records its scenario's path: written, then not found again under the replaced name,
  // so merge asks for the scenario rather than failing to open a name nobody gave.
  const std::string quick = copy_as("scenarios/quickstart.json", "q\xFF.json");
  const fs::path shards = f.dir / "shards";
  REQUIRE(test::run_albsim({"run", quick, "--shard", "0/1", "--out", shards.string(), "-q"}).code ==
          0);
  const auto lost = test::run_albsim({"merge", shards.string(), "--out", (f.dir / "m").string()});
  CHECK(lost.code == 2);
  CHECK(lost.err.find("the scenario the shards ran is not there, nor at") != std::string::npos);
  CHECK(lost.err.find("give it with --scenario") != std::string::npos);
  CHECK(test::run_albsim(
            {"merge", shards.string(), "--scenario", quick, "--out", (f.dir / "m").string(), "-q"})
            .code == 0);

  // A chart column's name that is not UTF-8 (a damaged timeseries): the page is still written.
  const fs::path run = f.dir / "run";
  REQUIRE(test::run_albsim({"run", kQuickstart, "--out", run.string(), "--quiet"}).code == 0);
  std::string rows = test::read_text(run / "timeseries.csv");
  rows.replace(rows.find("lb:web:demand_lcu"), 17, "lb:w\xFF:demand_lcu");
  std::ofstream(run / "timeseries.csv", std::ios::binary) << rows;
  const auto page = test::run_albsim({"report", run.string(), "-q"});
  INFO(page.err);
  CHECK(page.code == 0);
  CHECK(test::read_text(run / "report.html").find("lb:w" + replaced + ":demand_lcu") !=
        std::string::npos);
}

TEST_CASE("tables and warnings show an escape sequence in an id or a path as \\x1B, never raw") {
  // An id may hold any character (scenarios/README.md); a terminal must not act on it.
  const std::string id = "a\x1B[31mb";
  const auto run =
      test::run_albsim({"run", kQuickstart, "--set", "/load_balancers/0/id=\"a\\u001b[31mb\"",
                        "--out", test::fresh_scratch_dir("escaped-run").string()});
  REQUIRE(run.code == 0);
  CHECK(run.out.find('\x1B') == std::string::npos);
  CHECK(run.out.find("a\\x1B[31mb") != std::string::npos);
  const auto plan =
      test::run_albsim({"plan", kQuickstart, "--set", "/load_balancers/0/id=\"a\\u001b[31mb\"",
                        "--lb", id, "--out", test::fresh_scratch_dir("escaped-plan").string()});
  REQUIRE(plan.code == 0);
  CHECK(plan.out.find('\x1B') == std::string::npos);
  CHECK(plan.out.find("Pool use1 for a\\x1B[31mb (AZs") != std::string::npos);

  // A bill's resource id, printed in reconcile's table by resource.
  Folder f;
  std::string bill = test::read_text(test::source_path("scenarios/finance/cur-2026-11.csv"));
  bill.replace(bill.find("ipam-pool-0a1b2c3d4e5f60789"), 27, "ipam-pool-\x1B[2J");
  const auto reconciled =
      test::run_albsim({"reconcile", test::source_path("scenarios/finance/ipv4-bill.json"),
                        "--bill", f.write("bill.csv", bill), "--out", (f.dir / "out").string()});
  REQUIRE(reconciled.code == 0);
  CHECK(reconciled.out.find('\x1B') == std::string::npos);
  CHECK(reconciled.out.find("ipam-pool-\\x1B[2J") != std::string::npos);

  // A warning names the scenario's file as given; it is a message, escaped like a refusal.
  const fs::path named = f.dir / "q\x1B[2J.json";
  fs::copy_file(kQuickstart, named);
  const auto warned = test::run_albsim({"run", named.string(), "--set", "/replications=3", "--out",
                                        (f.dir / "warned").string(), "-q"});
  REQUIRE(warned.code == 0);
  CHECK(warned.err.find('\x1B') == std::string::npos);
  CHECK(warned.err.find("q\\x1B[2J.json: /replications: 3 replications") != std::string::npos);
}

TEST_CASE("run: outputs commit together, stale temporaries go, ids with commas are quoted") {
  Folder f;
  const fs::path out = f.dir / "out";
  REQUIRE(test::run_albsim({"run", kQuickstart, "--out", out.string(), "--quiet"}).code == 0);
  const std::string report = test::read_text(out / "report.json");
  const std::string timeseries = test::read_text(out / "timeseries.csv");

  // report.json cannot be written: the run fails and leaves the earlier pair as it was.
  fs::remove(out / "report.json");
  fs::create_directory(out / "report.json");
  const auto blocked = test::run_albsim(
      {"run", kQuickstart, "--out", out.string(), "--quiet", "--set", "/horizon=\"2d\""});
  CHECK(blocked.code == 2);
  CHECK(blocked.err.find("report.json: cannot write it: a directory has that name") !=
        std::string::npos);
  CHECK(test::read_text(out / "timeseries.csv") == timeseries);
  fs::remove(out / "report.json");

  // A temporary left by a killed run (its process is gone) is removed by the next run.
  std::ofstream(out / "report.json.tmp.999999999") << "half";
  REQUIRE(test::run_albsim({"run", kQuickstart, "--out", out.string(), "--quiet"}).code == 0);
  CHECK_FALSE(fs::exists(out / "report.json.tmp.999999999"));
  CHECK(test::read_text(out / "report.json") == report);

  // An id with a comma and a quote: the header is quoted per RFC 4180, one field per column.
  REQUIRE(test::run_albsim({"run", kQuickstart, "--out", out.string(), "--quiet", "--set",
                            "/load_balancers/0/id=\"we,b\\\"x\""})
              .code == 0);
  std::ifstream csv(out / "timeseries.csv");
  std::string header, row;
  std::getline(csv, header);
  std::getline(csv, row);
  CHECK(header.find(",\"lb:we,b\"\"x:pool_addresses\",") != std::string::npos);
  // Quoted fields hold the commas: the header has as many fields as a row.
  std::size_t header_fields = 1;
  bool quoted = false;
  for (const char c : header) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) ++header_fields;
  }
  CHECK(header_fields == static_cast<std::size_t>(std::count(row.begin(), row.end(), ',')) + 1);
}
