// How a user's trace is read: numeric time columns need a unit, finer traces are reduced to the
// evaluation interval (mean, max, last), request timestamps are counted, and a run says what it
// made of each trace. Every expected number is worked out by hand in the comments.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "core/calendar.hpp"
#include "io/trace_loader.hpp"
#include "io/trace_resample.hpp"
#include "support.hpp"

using namespace albsim;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Folder : test::ScratchFolder {
  Folder() : ScratchFolder("trace-reading") {}
};

// A scenario whose one load balancer replays `trace` (evaluation every 60 s, horizon `horizon`).
json trace_scenario(const json& trace, const std::string& horizon = "2m") {
  return {{"horizon", horizon},
          {"pools", json::array()},
          {"load_balancers",
           json::array({{{"id", "a"}, {"azs", {"x", "y"}}, {"demand", {{"trace", trace}}}}})}};
}

Scenario load(const Folder& f, const json& doc) {
  return load_scenario(f.write("s.json", doc.dump()));
}

const TraceSeries& series_of(const Scenario& s) {
  return *s.load_balancers.at(0).demand.trace.series;
}

// 120 per-second rows, value i mod 7 at second i.
std::string per_second_rows() {
  std::string text = "second,lcu\n";
  for (int i = 0; i < 120; ++i) text += std::to_string(i) + "," + std::to_string(i % 7) + "\n";
  return text;
}

}  // namespace

TEST_CASE("a minute-index column without a unit is refused; with one it is read in minutes") {
  Folder f;
  f.write("t.csv", "minute_index,events\n0,600\n1,900\n2,300\n");
  const std::string scenario =
      f.write("s.json", trace_scenario({{"file", "t.csv"}, {"value_column", "events"}}).dump());
  const auto refused = test::run_albsim({"validate", scenario});
  CHECK(refused.code == 2);
  CHECK(refused.err.find("t.csv line 2: \"0\" is not a timestamp: a number needs \"time_unit\"") !=
        std::string::npos);
  // As a row index with a step of one minute: row k at k minutes.
  const Scenario s = load(
      f,
      trace_scenario(
          {{"file", "t.csv"}, {"value_column", "events"}, {"time_unit", "index"}, {"step", "1m"}}));
  CHECK(series_of(s).times_ms == std::vector<std::int64_t>{0, 60'000, 120'000});
  CHECK(series_of(s).period_ms == 60'000);
  // The same column as minutes ("m") gives the same times; as seconds it would be 60x denser.
  const Scenario m =
      load(f, trace_scenario({{"file", "t.csv"}, {"value_column", "events"}, {"time_unit", "m"}}));
  CHECK(series_of(m).times_ms == series_of(s).times_ms);
  CHECK_THROWS_WITH(
      load(f,
           trace_scenario({{"file", "t.csv"}, {"value_column", "events"}, {"time_unit", "index"}})),
      Catch::Contains("\"index\" needs \"step\""));
}

TEST_CASE("a per-second trace reduced to minutes: mean, max and last by hand") {
  Folder f;
  f.write("t.csv", per_second_rows());
  auto with = [&](const char* aggregate) {
    return series_of(load(f, trace_scenario({{"file", "t.csv"},
                                             {"value_column", "lcu"},
                                             {"time_unit", "s"},
                                             {"aggregate", aggregate}})));
  };
  // Minute 0 holds i mod 7 for i = 0..59: eight cycles 0..6 (8 x 21 = 168) then 0, 1, 2, 3 (6):
  // 174 / 60 = 2.9. Minute 1, i = 60..119, starts at 60 mod 7 = 4: 4 + 5 + 6 = 15, then eight
  // cycles from 0 (168) and one more 0: 183 / 60 = 3.05.
  const TraceSeries mean = with("mean");
  CHECK(mean.times_ms == std::vector<std::int64_t>{0, 60'000});
  CHECK(mean.values[0] == Approx(2.9).epsilon(1e-12));
  CHECK(mean.values[1] == Approx(3.05).epsilon(1e-12));
  CHECK(mean.period_ms == 60'000);
  CHECK(mean.rows == 120);
  CHECK(mean.file_period_ms == 1000);
  CHECK(with("max").values == std::vector<double>{6, 6});
  // `last` keeps every sample: the simulation reads second 0 (0) and second 60 (4).
  const TraceSeries last = with("last");
  CHECK(last.times_ms.size() == 120);
  CHECK(last.values[0] == 0);
  CHECK(last.values[60] == 4);
}

TEST_CASE("resampling splits a sample that straddles two intervals by time") {
  // Samples every 45 s: 1 on [0, 45), 2 on [45, 90), 3 on [90, 135). Intervals of 60 s:
  // [0, 60): (1 x 45 + 2 x 15) / 60 = 1.25; [60, 120): (2 x 30 + 3 x 30) / 60 = 2.5;
  // [120, 180): only 15 s covered, all 3.
  TraceSeries s;
  s.times_ms = {0, 45'000, 90'000};
  s.values = {1, 2, 3};
  s.period_ms = 45'000;
  const TraceSeries mean = resample_trace(s, TraceAggregate::mean, 0, 60'000);
  CHECK(mean.times_ms == std::vector<std::int64_t>{0, 60'000, 120'000});
  CHECK(mean.values == std::vector<double>{1.25, 2.5, 3});
  CHECK(resample_trace(s, TraceAggregate::max, 0, 60'000).values == std::vector<double>{2, 3, 3});
  // Anchored 30 s later (an align of 30 s): [-30, 30) holds 1 for 30 s; [30, 90): 1 x 15 + 2 x 45
  // = 105 / 60 = 1.75; [90, 150): 3 over the 45 s covered.
  const TraceSeries shifted = resample_trace(s, TraceAggregate::mean, 30'000, 60'000);
  CHECK(shifted.times_ms == std::vector<std::int64_t>{-30'000, 30'000, 90'000});
  CHECK(shifted.values == std::vector<double>{1, 1.75, 3});
}

TEST_CASE("resampling keeps one sample for a run of whole intervals a sample holds") {
  // Hourly samples 1 then 2, to minutes: [0, 1 h) is all 1 and [1 h, 2 h) all 2, so the series
  // needs the first minute of each hour, and the last minute of the trace (its loop's length).
  TraceSeries s;
  s.times_ms = {0, 3'600'000};
  s.values = {1, 2};
  s.period_ms = 3'600'000;
  const TraceSeries mean = resample_trace(s, TraceAggregate::mean, 0, 60'000);
  CHECK(mean.times_ms.size() <= 6);
  CHECK(mean.times_ms.back() == 7'140'000);  // the last minute of the second hour
  CHECK(mean.times_ms.back() + mean.period_ms - mean.times_ms.front() == 7'200'000);
  for (std::size_t i = 0; i < mean.times_ms.size(); ++i)
    CHECK(mean.values[i] == (mean.times_ms[i] < 3'600'000 ? 1 : 2));
  // Samples 5,759 years apart (found by fuzzing: 3 billion minutes before): still a few samples.
  s.times_ms = {*parse_iso8601("2026-01-01T00:00Z"), *parse_iso8601("7785-01-01T00:00Z")};
  CHECK(resample_trace(s, TraceAggregate::max, s.times_ms.front(), 60'000).times_ms.size() <= 6);
}

TEST_CASE("request timestamps are counted per interval, not held as 1 ms periods") {
  // Minute 0: 330 requests at k x 181 ms (5.5 requests/s); minute 1: 60 requests at s + 500 ms.
  // LCU = requests/s / 25: 330 / 60 / 25 = 0.22 and 60 / 60 / 25 = 0.04. The busiest second of
  // minute 0 holds the requests at 0, 181, 362, 543, 724, 905 ms: 6, so `max` is 6 / 25 = 0.24.
  std::string text = "timestamp\n";
  for (int k = 0; k < 330; ++k) text += format_iso8601_utc(kDefaultStartEpochMs + k * 181) + "\n";
  for (int s = 0; s < 60; ++s)
    text += format_iso8601_utc(kDefaultStartEpochMs + 60'000 + s * 1000 + 500) + "\n";
  Folder f;
  f.write("requests.csv", text);
  const json trace = {{"file", "requests.csv"}, {"format", "events"}};
  const Scenario s = load(f, trace_scenario(trace));
  CHECK(series_of(s).values.size() == 2);
  CHECK(series_of(s).values[0] == Approx(0.22).epsilon(1e-12));
  CHECK(series_of(s).values[1] == Approx(0.04).epsilon(1e-12));
  CHECK(series_of(s).rows == 390);
  json with_max = trace;
  with_max["aggregate"] = "max";
  CHECK(series_of(load(f, trace_scenario(with_max))).values[0] == Approx(0.24).epsilon(1e-12));
  // Microsecond timestamps and numeric milliseconds: the same counts.
  f.write("us.csv",
          "t\n1970-01-05T00:00:00.000250Z\n1970-01-05T00:00:00.999999Z\n"
          "1970-01-05T00:00:59.999999Z\n");
  const Scenario us = load(f, trace_scenario({{"file", "us.csv"}, {"format", "events"}}));
  CHECK(series_of(us).values == std::vector<double>{3.0 / 60 / 25});
  f.write("ms.csv", "t\n0.25\n999.999\n59999.999\n");
  const Scenario ms =
      load(f, trace_scenario({{"file", "ms.csv"}, {"format", "events"}, {"time_unit", "ms"}}));
  CHECK(series_of(ms).values == series_of(us).values);
  // Without a header (as a logging loop writes them): the first line is a request too.
  f.write("bare.csv", "0.25\n999.999\n59999.999\n");
  const Scenario bare =
      load(f, trace_scenario({{"file", "bare.csv"}, {"format", "events"}, {"time_unit", "ms"}}));
  CHECK(series_of(bare).values == series_of(us).values);
  CHECK(series_of(bare).rows == 3);
}

TEST_CASE("a run says how each trace was read, and warns of what it cannot see") {
  Folder f;
  f.write("t.csv", per_second_rows());
  const std::string scenario = f.write(
      "s.json",
      trace_scenario(
          {{"file", "t.csv"}, {"value_column", "lcu"}, {"time_unit", "s"}, {"loop", true}}, "10m")
          .dump());
  const fs::path out = test::fresh_scratch_dir("trace-reading-out");
  const auto r = test::run_albsim({"run", scenario, "--out", out.string(), "--quiet"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  // One line per trace: 120 samples from 0 s to 119 s every second, span 2 min, peak 6, mean
  // (17 cycles of 21 and 0 (17 x 7 = 119 rows) plus row 119 (0)) / 120 = 357 / 120 = 2.975.
  CHECK(r.err.find("trace a: t.csv: 120 samples 0s .. 1m59s every 1s, column \"lcu\" as LCU, "
                   "span 2m, peak 6 LCU, mean 2.98 LCU, fixed, restarts 4x in the horizon") !=
        std::string::npos);
  CHECK(r.err.find("samples every 1s are read once per 1m evaluation") != std::string::npos);
  CHECK(r.err.find("starts again 4 times within the horizon (10m)") != std::string::npos);
  const json report = json::parse(test::read_text(out / "report.json"));
  const json& input = report["inputs"][0];
  CHECK(input["load_balancer"] == "a");
  CHECK(input["to_lcu"] == "column \"lcu\" as LCU");
  CHECK(input["plays_from"] == 0.0);
  CHECK(input["rows"] == 120);
  CHECK(input["first"] == 0.0);
  CHECK(input["last"] == 119.0);
  CHECK(input["file_period_s"] == 1.0);
  CHECK(input["aggregate"] == "last");
  CHECK(input["span_s"] == 120.0);
  CHECK(input["peak_lcu"] == 6.0);
  CHECK(input["mean_lcu"].get<double>() == Approx(2.975));
  CHECK(input["restarts"] == 4);
  REQUIRE(report["warnings"].size() == 2);
  CHECK(report["warnings"][0].get<std::string>().rfind("/load_balancers/0/demand/trace: samples",
                                                       0) == 0);
}

TEST_CASE("demand beyond max_nodes_per_az, a trace that ends early, a peak off by a unit") {
  Folder f;
  // 600 LCU for the first minute, then 10: 2 AZs x 20 nodes x 25 LCU serve 1,000 LCU, so only
  // a scale of 2 (1,200 LCU for 1 minute) is capped. The trace ends after 2 minutes of a 1 h
  // horizon: 58 minutes of its last value.
  f.write("t.csv", "t,lcu\n0,600\n60,10\n");
  json trace = {{"file", "t.csv"}, {"value_column", "lcu"}, {"time_unit", "s"}};
  auto warnings = [&](const json& t) { return load(f, trace_scenario(t, "1h")).warnings; };
  auto has = [](const std::vector<std::string>& w, const std::string& text) {
    return std::any_of(w.begin(), w.end(), [&](const std::string& line) {
      return line.find(text) != std::string::npos;
    });
  };
  CHECK_FALSE(has(warnings(trace), "max_nodes_per_az 20"));
  CHECK(has(warnings(trace), "the trace ends 58m before the horizon and its last value (10 LCU)"));
  trace["scale"] = 2;
  CHECK(has(warnings(trace),
            "/load_balancers/0/max_nodes_per_az: demand reaches 1200 LCU, above the 1000 LCU that "
            "max_nodes_per_az 20 x 2 AZs x node_capacity_lcu 25 can serve, for 1m in all (first "
            "at t=0s)"));
  trace["scale"] = 20;  // 12,000 LCU
  CHECK(has(warnings(trace), "the trace peaks at 12000 LCU, above 10,000 LCU"));
}

TEST_CASE("a CloudWatch metric other than ConsumedLCUs read as LCU is a warning, unless scaled") {
  // The AWS CLI documentation's get-metric-statistics example is CPUUtilization (Maximum).
  Folder f;
  f.write("stats.json",
          test::read_text(test::source_path("tests/data/aws/get-metric-statistics.json")));
  json trace = {{"file", "stats.json"}, {"loop", true}};
  auto warned = [&](const json& t) {
    const std::vector<std::string> w = load(f, trace_scenario(t, "1h")).warnings;
    return std::any_of(w.begin(), w.end(), [](const std::string& line) {
      return line.find("the metric \"CPUUtilization\" is not ConsumedLCUs") != std::string::npos;
    });
  };
  CHECK(warned(trace));
  trace["scale"] = 0.1;
  CHECK_FALSE(warned(trace));
  // Minutes 2 to 4 without a datapoint: read as 0, and said so.
  f.write("quiet.json", R"({"MetricDataResults": [{"Id": "lcu", "Label": "ConsumedLCUs",
    "Timestamps": ["2026-11-23T00:00:00Z", "2026-11-23T00:01:00Z", "2026-11-23T00:05:00Z"],
    "Values": [10, 20, 30]}]})");
  const std::vector<std::string> w =
      load(f,
           trace_scenario({{"file", "quiet.json"}, {"loop", true}, {"statistic", "Average"}}, "1h"))
          .warnings;
  REQUIRE(w.size() == 2);  // and that it restarts 9 times in the hour
  CHECK_THAT(w[1], Catch::Contains("/load_balancers/0/demand/trace: 3 periods of 1m inside the "
                                   "trace have no datapoint and are read as 0"));
}

TEST_CASE("CSV exports in other shapes read as the plain file: quotes, SQL and %z timestamps") {
  Folder f;
  // The plain file: 10, 20, 30 requests at 00:00, 00:01, 00:02 UTC on 2026-11-23.
  f.write("plain.csv",
          "time,requests\n2026-11-23T00:00Z,10\n2026-11-23T00:01Z,20\n"
          "2026-11-23T00:02Z,30\n");
  // Every field quoted, a space between date and time, PostgreSQL's "+00" (Athena, SQL clients).
  f.write("quoted.csv",
          "\"time\",\"requests\"\n\"2026-11-23 00:00:00.000+00\",\"10\"\n"
          "\"2026-11-23 00:01:00.000+00\",\"20\"\n\"2026-11-23 00:02:00.000+00\",\"30\"\n");
  // strftime's %z offset, and a quoted column holding commas and a doubled quote.
  f.write("offset.csv",
          "time,note,requests\n2026-11-23T01:00:00+0100,\"a, \"\"b\"\", c\",10\n"
          "2026-11-23T01:01:00+0100,,20\n2026-11-22T20:32:00-0330,\"x\",30\n");
  const auto read = [&](const std::string& file) {
    return series_of(load(f, trace_scenario({{"file", file}, {"value_column", "requests"}})));
  };
  const TraceSeries plain = read("plain.csv");
  CHECK(plain.values == std::vector<double>{10, 20, 30});
  CHECK(plain.times_ms[1] - plain.times_ms[0] == 60'000);
  for (const char* file : {"quoted.csv", "offset.csv"}) {
    INFO(file);
    const TraceSeries other = read(file);
    CHECK(other.times_ms == plain.times_ms);
    CHECK(other.values == plain.values);
  }

  const auto refusal = [&](const std::string& text) {
    f.write("bad.csv", text);
    try {
      read("bad.csv");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK_THAT(refusal("time,requests\n\"2026-11-23T00:00Z,10\n"),
             Catch::Contains("bad.csv line 2: a quoted field has no closing quote"));
  CHECK_THAT(
      refusal("time,requests\n\"2026-11-23T00:00Z\"Z,10\n"),
      Catch::Contains("line 2: text after the closing quote of field \"2026-11-23T00:00Z\""));
  CHECK_THAT(refusal("time,requests\n2026-11-23 00:00:00,10\n"),
             Catch::Contains("line 2: \"2026-11-23 00:00:00\" has no zone"));
  CHECK_THAT(refusal("time;requests\n2026-11-23T00:00Z;10\n"),
             Catch::Contains("line 1: no column \"requests\" (columns: \"time;requests\"); fields "
                             "are separated by commas"));
}
