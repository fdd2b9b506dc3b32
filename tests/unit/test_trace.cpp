// Trace demand: both formats, alignment, looping, the LCU conversion, and every bad-input rule.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "core/calendar.hpp"
#include "demand/demand_profile.hpp"
#include "demand/lcu_conversion.hpp"
#include "io/cloudwatch_trace.hpp"
#include "io/trace_loader.hpp"
#include "support.hpp"

using namespace albsim;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path write(const std::string& name, const std::string& text) {
  const fs::path p = test::scratch_path("trace-" + name);
  std::ofstream(p) << text;
  return p;
}

// A CSV trace of `value` with times in `unit` ("" for ISO-8601 only).
TraceSeries csv(const std::string& text, const std::string& unit = "") {
  TraceRequest r;
  r.path = write("t.csv", text).string();
  r.value_column = "lcu";
  if (!unit.empty()) r.time_unit = TimeUnit{unit, unit == "s" ? 1000 : 60'000, false};
  return load_trace(r);
}

TraceSpec replay(const TraceSeries& s, std::int64_t align_ms, bool loop) {
  TraceSpec t;
  t.series = std::make_shared<const TraceSeries>(s);
  t.align_ms = align_ms;
  t.loop = loop;
  return t;
}

std::string fault(const TraceRequest& r) {
  try {
    load_trace(r);
  } catch (const TraceError& e) {
    return "line " + std::to_string(e.line) + ": " + e.what();
  }
  return "accepted";
}

std::string csv_fault(const std::string& text, bool seconds = true) {
  TraceRequest r;
  r.path = write("bad.csv", text).string();
  r.value_column = "lcu";
  if (seconds) r.time_unit = TimeUnit{"s", 1000, false};
  return fault(r);
}

double at(const TraceSpec& trace, std::int64_t seconds) {
  DemandSpec spec;
  spec.kind = DemandSpec::Kind::trace;
  spec.trace = trace;
  return DemandProfile(spec, 0, SimTime::from_seconds(60)).at(SimTime::from_seconds(seconds));
}

}  // namespace

TEST_CASE("CSV traces: ISO or seconds timestamps, sorted, the last sample holds") {
  const TraceSeries s =
      csv("time,lcu\n2026-01-01T00:02Z,30\n2026-01-01T00:00Z,10\n2026-01-01T00:01:00+00:00,20\n");
  CHECK(s.times_ms ==
        std::vector<std::int64_t>{1'767'225'600'000, 1'767'225'660'000, 1'767'225'720'000});
  CHECK(s.values == std::vector<double>{10, 20, 30});
  CHECK(s.period_ms == 60'000);
  CHECK(s.epoch_times);
  TraceSpec t = replay(s, s.times_ms.front(), false);
  CHECK(at(t, 0) == 10);
  CHECK(at(t, 59) == 10);
  CHECK(at(t, 60) == 20);
  CHECK(at(t, 3600) == 30);  // a gap or the end: the last sample holds
  t.align_ms -= 60'000;      // align one minute before the first sample
  CHECK(at(t, 0) == 0);
  CHECK(at(t, 60) == 10);
  const TraceSeries offsets = csv("t,lcu\n0,5\n300,7\n600,9\n", "s");
  CHECK_FALSE(offsets.epoch_times);
  CHECK(offsets.times_ms.back() == 600'000);
  CHECK(offsets.period_ms == 300'000);
}

TEST_CASE("a looping trace restarts one period after its last sample") {
  const TraceSeries s = csv("t,lcu\n0,1\n60,2\n120,3\n", "s");
  const TraceSpec t = replay(s, 0, true);
  CHECK(at(t, 120) == 3);
  CHECK(at(t, 179) == 3);
  CHECK(at(t, 180) == 1);  // loop length 3 x 60 s
  CHECK(at(t, 180 + 60) == 2);
  CHECK(at(t, 180 * 10 + 130) == 3);
}

TEST_CASE("LCU conversion: the busiest World Cup minute, by hand") {
  // 1998-07-07T21:41Z: 229,426 requests and 597,529,027 bytes in 60 s. One new connection per
  // request: 3,823.77 /s / 25 = 152.951 LCU; bytes: 597,529,027 / 2^30 x 60 = 33.389 GB/h.
  LcuFactors c;
  CHECK(lcu_of_sample(c, 229426, 597529027, 0, 60) == Approx(229426.0 / 60 / 25));
  c.new_connections_per_request = 0.1;  // keep-alive: bytes dominate
  CHECK(lcu_of_sample(c, 229426, 597529027, 0, 60) == Approx(597529027.0 / 1073741824 * 60));
  c.rule_evaluations_per_request = 20;  // 76,475 rule evaluations/s: 76.5 LCU
  CHECK(lcu_of_sample(c, 229426, 597529027, 0, 60) == Approx(229426.0 * 20 / 60 / 1000));
  CHECK(lcu_of_sample(c, 0, 0, 6000, 60) == Approx(2.0));  // 6,000 active connections

  TraceRequest r;
  r.path = test::source_path("data/traffic/wc98/wc98_per_minute_utc.csv");
  r.lcu = LcuColumns{"requests", "bytes", ""};
  r.to_lcu = sample_to_lcu(LcuFactors{});
  const TraceSeries wc = load_trace(r);
  CHECK(wc.times_ms.size() == 125310);
  CHECK(wc.period_ms == 60'000);
  const auto peak = std::max_element(wc.values.begin(), wc.values.end());
  CHECK(*peak == Approx(229426.0 / 60 / 25));
  CHECK(wc.times_ms[static_cast<std::size_t>(peak - wc.values.begin())] ==
        *parse_iso8601("1998-07-07T21:41Z"));  // 1998-07-07T21:41Z
}

TEST_CASE("CloudWatch get-metric-data: newest first, chosen by Id or Label") {
  const std::string doc = R"({"MetricDataResults": [
    {"Id": "lcu", "Label": "ConsumedLCUs", "StatusCode": "Complete",
     "Timestamps": ["2026-11-23T00:10:00+00:00", "2026-11-23T00:05:00+00:00", "2026-11-23T00:00:00+00:00"],
     "Values": [30.5, 20.0, 10.0]},
    {"Id": "req", "Label": "RequestCount", "StatusCode": "Complete",
     "Timestamps": ["2026-11-23T00:00:00+00:00"], "Values": [1000]}], "Messages": []})";
  TraceRequest r;
  r.path = write("cw.json", doc).string();
  r.format = TraceRequest::Format::cloudwatch;
  r.metric = "ConsumedLCUs";
  CHECK(fault(r).find("does not say which statistic its query used (Label \"ConsumedLCUs\")") !=
        std::string::npos);
  r.statistic = "Average";
  const TraceSeries s = load_trace(r);
  CHECK(s.statistic == "Average");
  CHECK(s.values == std::vector<double>{10, 20, 30.5});
  CHECK(s.period_ms == 300'000);
  r.metric = "req";
  r.period_ms = 60'000;
  r.scale = 0.5;
  CHECK(load_trace(r).values == std::vector<double>{500});
  r.metric = "";
  CHECK(fault(r).find("several results") != std::string::npos);
  r.metric = "nope";
  CHECK(fault(r).find("(Ids: \"lcu\", \"req\")") != std::string::npos);
  r.path = write("cw-bad.json", R"({"Results": []})").string();
  CHECK(fault(r).find("no MetricDataResults") != std::string::npos);
}

// `aws cloudwatch get-metric-data` over more points than one call returns: the AWS CLI fetches
// every page and lists each query once per page, newest page first (ScanBy TimestampDescending),
// PartialData until its last page. Here 6 minutes of "lcu" (value = minute) in 3 pages of 2,
// each page also holding a page of "req".
std::string paged_metric_data(const std::string& last_status, const std::string& tail = "") {
  auto page = [](const std::string& status, int newer, int older) {
    const auto minute = [](int m) { return "\"2026-11-23T00:0" + std::to_string(m) + ":00Z\""; };
    return R"({"Id": "lcu", "Label": "ConsumedLCUs", "StatusCode": ")" + status +
           R"(", "Timestamps": [)" + minute(newer) + ", " + minute(older) + "], \"Values\": [" +
           std::to_string(newer) + ", " + std::to_string(older) +
           R"(]}, {"Id": "req", "Label": "RequestCount", "StatusCode": ")" + status +
           R"(", "Timestamps": [)" + minute(newer) + "], \"Values\": [100]}";
  };
  return R"({"MetricDataResults": [)" + page("PartialData", 5, 4) + ", " +
         page("PartialData", 3, 2) + ", " + page(last_status, 1, 0) + R"(], "Messages": [])" +
         tail + "}";
}

TEST_CASE("CloudWatch get-metric-data pages: one query's results are one series, all or none") {
  TraceRequest r;
  r.format = TraceRequest::Format::cloudwatch;
  r.metric = "lcu";
  r.statistic = "Average";
  r.path = write("paged.json", paged_metric_data("Complete")).string();
  const TraceSeries s = load_trace(r);
  CHECK(s.values == std::vector<double>{0, 1, 2, 3, 4, 5});  // every page, not the last alone
  CHECK(s.times_ms.back() - s.times_ms.front() == 5 * 60'000);
  r.metric = "ConsumedLCUs";  // by Label too
  CHECK(load_trace(r).values.size() == 6);
  r.metric = "";  // two queries, each named once
  CHECK_THAT(fault(r), Catch::Contains("several results; choose one with \"metric\" (Ids: "
                                       "\"lcu\", \"req\")"));
  // Data missing: a last page that stops short, a NextToken (--max-items), a failed query.
  r.metric = "lcu";
  r.path = write("partial.json", paged_metric_data("PartialData")).string();
  CHECK_THAT(fault(r), Catch::Contains("result \"lcu\" is part of its data (StatusCode "
                                       "PartialData): let the AWS CLI fetch every page"));
  r.path = write("cut.json", paged_metric_data("Complete", R"(, "NextToken": "abc")")).string();
  CHECK_THAT(fault(r), Catch::Contains("(the output ends with a NextToken)"));
  r.path = write("failed.json", paged_metric_data("InternalError")).string();
  CHECK_THAT(fault(r), Catch::Contains("result \"lcu\" has StatusCode InternalError"));
  // A name that is one query's Id and another's Label is refused, not settled by order.
  r.path = write("clash.json", R"({"MetricDataResults": [
    {"Id": "a", "Label": "b", "Timestamps": [], "Values": []},
    {"Id": "b", "Label": "x", "Timestamps": [], "Values": []}]})")
               .string();
  r.metric = "b";
  CHECK_THAT(fault(r), Catch::Contains("several results have the Id or Label \"b\"; give an Id"));
}

TEST_CASE("CloudWatch: a period without a datapoint is 0, not the value before it") {
  // ConsumedLCUs at 00:00, 00:01 and 00:05: minutes 2, 3 and 4 had no requests, so CloudWatch
  // listed nothing for them. The period is the smallest gap, 1 minute.
  TraceRequest r;
  r.format = TraceRequest::Format::cloudwatch;
  r.statistic = "Average";
  r.path = write("quiet.json", R"({"MetricDataResults": [{"Id": "lcu", "StatusCode": "Complete",
    "Timestamps": ["2026-11-23T00:05:00Z", "2026-11-23T00:01:00Z", "2026-11-23T00:00:00Z"],
    "Values": [30, 20, 10]}]})")
               .string();
  const TraceSeries s = load_trace(r);
  const std::int64_t t0 = *parse_iso8601("2026-11-23T00:00:00Z");
  CHECK(s.times_ms ==
        std::vector<std::int64_t>{t0, t0 + 60'000, t0 + 120'000, t0 + 300'000});  // 0 at 00:02
  CHECK(s.values == std::vector<double>{10, 20, 0, 30});
  CHECK(s.missing_periods == 3);
  CHECK(s.rows == 3);
  // get-metric-statistics alike; and a CSV keeps the MODEL.md rule (a gap holds).
  r.statistic = "";
  r.path = write("quiet-stats.json", R"({"Label": "ConsumedLCUs", "Datapoints": [
    {"Timestamp": "2026-11-23T00:00:00Z", "Sum": 10}, {"Timestamp": "2026-11-23T00:01:00Z", "Sum": 20},
    {"Timestamp": "2026-11-23T00:05:00Z", "Sum": 30}]})")
               .string();
  CHECK(load_trace(r).values == std::vector<double>{10, 20, 0, 30});
  TraceRequest csv;
  csv.path = write("quiet.csv",
                   "t,lcu\n2026-11-23T00:00Z,10\n2026-11-23T00:01Z,20\n"
                   "2026-11-23T00:05Z,30\n")
                 .string();
  csv.value_column = "lcu";
  CHECK(load_trace(csv).values == std::vector<double>{10, 20, 30});
  CHECK(load_trace(csv).missing_periods == 0);
}

TEST_CASE("CloudWatch get-metric-statistics: datapoints in any order, one statistic") {
  const std::string doc = R"({"Label": "ConsumedLCUs", "Datapoints": [
    {"Timestamp": "2026-11-23T00:02:00Z", "Sum": 9.0, "Maximum": 4.0, "Unit": "Count"},
    {"Timestamp": "2026-11-23T00:00:00Z", "Sum": 3.0, "Maximum": 2.0, "Unit": "Count"},
    {"Timestamp": "2026-11-23T00:01:00Z", "Sum": 6.0, "Maximum": 3.5, "Unit": "Count"}]})";
  TraceRequest r;
  r.path = write("stats.json", doc).string();
  r.format = TraceRequest::Format::cloudwatch;
  CHECK(fault(r).find("several statistics (Sum, Maximum); choose one with \"statistic\"") !=
        std::string::npos);
  r.statistic = "Maximum";
  const TraceSeries s = load_trace(r);
  CHECK(s.values == std::vector<double>{2.0, 3.5, 4.0});
  CHECK(s.period_ms == 60'000);
  CHECK(s.epoch_times);
  r.statistic = "Average";
  CHECK(fault(r).find("Datapoints[0] has no Average") != std::string::npos);
  r.statistic = "";
  r.metric = "ConsumedLCUs";
  CHECK(fault(r).find("holds one metric") != std::string::npos);
  // get-metric-data: the statistic its Label names, as a word in any case.
  r.metric = "";
  r.statistic = "";
  r.path = write("data-named.json", R"({"MetricDataResults": [{"Id": "m", "Label":
    "web ConsumedLCUs sum", "StatusCode": "Complete", "Timestamps": ["2026-11-23T00:00:00Z"],
    "Values": [5]}]})")
               .string();
  r.period_ms = 60'000;
  CHECK(load_trace(r).statistic == "Sum");
  CHECK(statistic_named_in("p99 of Sum and Average").empty());  // several: none
  CHECK(statistic_named_in("Summary").empty());                 // a word, not a part
}

TEST_CASE("bad traces get one clear error naming the line") {
  CHECK(csv_fault("t,lcu\n0,1\n60,1\n60,2\n") == "line 4: repeats the timestamp of line 3");
  CHECK(csv_fault("t,lcu\n0,1\n60,-2\n") == "line 3: negative value -2 in column \"lcu\"");
  CHECK(csv_fault("t,lcu\n0,1\n60,lots\n") == "line 3: \"lots\" in column \"lcu\" is not a number");
  CHECK(csv_fault("t,lcu\n") == "line 0: has no samples");
  CHECK(csv_fault("t,lcu\n0,1\nyesterday,2\n") == "line 3: \"yesterday\" is not a number of s");
  CHECK(csv_fault("t,lcu\n2026-01-01T00:00Z,1\nyesterday,2\n", false) ==
        "line 3: \"yesterday\" is not a timestamp (ISO-8601 with a zone)");
  CHECK(csv_fault("t,lcu\n2026-01-01T00:00Z,1\n60,2\n", false)
            .find("line 3: \"60\" is not a timestamp: a number needs \"time_unit\"") == 0);
  CHECK(csv_fault("t,load\n0,1\n") == "line 1: no column \"lcu\" (columns: \"t\", \"load\")");
  CHECK(csv_fault("t,lcu\n0,1,2\n") == "line 2: has 3 fields, the header 2");
  CHECK(csv_fault("t,lcu\n0,1\n") == "line 0: a single sample has no period; give \"period\"");
  TraceRequest missing;
  missing.path = "/nonexistent/trace.csv";
  missing.value_column = "lcu";
  CHECK(fault(missing) == "line 0: cannot open the trace file: No such file or directory");
}

TEST_CASE("a trace in a scenario: path relative to the file, errors at the trace's pointer") {
  const fs::path dir = test::scratch_path("trace-scenario");
  fs::create_directories(dir);
  std::ofstream(dir / "load.csv")
      << "minute,requests\n2026-01-01T00:00Z,3000\n2026-01-01T00:01Z,9000\n";
  json doc = {{"region", "us-east-1"},
              {"horizon", "1h"},
              {"pools", json::array()},
              {"load_balancers", json::array({{{"id", "a"},
                                               {"azs", {"x", "y"}},
                                               {"demand",
                                                {{"trace",
                                                  {{"file", "load.csv"},
                                                   {"lcu", {{"requests_column", "requests"}}},
                                                   {"scale", 2}}}}}}})}};
  std::ofstream(dir / "s.json") << doc.dump();
  const Scenario s = load_scenario((dir / "s.json").string());
  // 3000 requests a minute = 50 new connections/s = 2 LCU, x 2 = 4; then 12.
  CHECK(s.load_balancers[0].demand.trace.series->values == std::vector<double>{4, 12});
  doc["load_balancers"][0]["demand"]["trace"]["file"] = "nope.csv";
  std::ofstream(dir / "s.json") << doc.dump();
  try {
    load_scenario((dir / "s.json").string());
    FAIL("accepted");
  } catch (const InputError& e) {
    CHECK(e.pointer() == "/load_balancers/0/demand/trace/file");
    CHECK(std::string(e.what()).find("nope.csv: cannot open the trace file") != std::string::npos);
  }
  doc["load_balancers"][0]["demand"]["trace"] = {{"file", "load.csv"}};
  std::ofstream(dir / "s.json") << doc.dump();
  CHECK_THROWS_WITH(load_scenario((dir / "s.json").string()),
                    Catch::Contains("needs \"value_column\""));
}
