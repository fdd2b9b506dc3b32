// The HTML report's C++ side: the chart columns it reads from a run's folder, the faults it
// names, and a document whose data cannot break out of its script element.
#include <catch2/catch.hpp>
#include <cmath>

#include "albsim/input_error.hpp"
#include "html/chart_columns.hpp"
#include "html/html_document.hpp"
#include "html/report_html.hpp"
#include "support.hpp"

namespace albsim {
namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("timeseries.csv's samples fold into columns of whole sample steps", "[html]") {
  const test::ScratchFolder folder("chart-samples");
  folder.write("timeseries.csv",
               "t_s,time_utc,pool:p:in_use,lb:w:demand_lcu\n"
               "0,2026-01-01T00:00:00Z,1,10\n"
               "60,2026-01-01T00:01:00Z,3,20\n"
               "120,2026-01-01T00:02:00Z,2,5\n"
               "180,2026-01-01T00:03:00Z,2,\n");
  // 240,000 s in at most 2,000 columns: 120 s each, two samples of 60 s apiece.
  const ChartColumns chart = read_chart_columns(folder.dir, 240000);
  CHECK_FALSE(chart.exact);
  CHECK(chart.file == "timeseries.csv");
  CHECK(chart.sample_s == 60);
  CHECK(chart.width_s == 120);
  CHECK(chart.t_s == std::vector<double>{0, 120});
  const ChartSeries& in_use = *chart.find("pool:p:in_use");
  CHECK(in_use.low == std::vector<double>{1, 2});
  CHECK(in_use.high == std::vector<double>{3, 2});
  const ChartSeries& demand = *chart.find("lb:w:demand_lcu");  // an empty field: not known
  CHECK(demand.low == std::vector<double>{10, 5});
  CHECK(demand.high == std::vector<double>{20, 5});
  CHECK(chart.find("time_utc") == nullptr);
}

TEST_CASE("a timeseries the page cannot draw is named with its line", "[html]") {
  const auto fault = [](const std::string& file, const std::string& text) {
    const test::ScratchFolder folder("chart-fault");
    folder.write(file, text);
    try {
      read_chart_columns(folder.dir, 3600);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(fault("timeseries.csv", "t_s,a\n0,1\n60,x\n"),
             Catch::Contains("timeseries.csv: line 3: \"x\" in column \"a\" is not a number"));
  // The first row waits for the second (the sample step): its fault still names its line.
  CHECK_THAT(fault("timeseries.csv", "t_s,a,b\n0,1,inf\n60,1,2\n"),
             Catch::Contains("line 2: \"inf\" in column \"b\" is not a number"));
  CHECK_THAT(fault("timeseries.csv", "t_s,a\n-60,1\n"),
             Catch::Contains("line 2: t_s \"-60\" is not a time (seconds from the start"));
  // A row past the end of the 3,600 s window would ask for columns without bound (1e15 s
  // once asked for 10^12 of them).
  CHECK_THAT(fault("timeseries.csv", "t_s,a\n0,1\n3600,1\n7200,2\n"),
             Catch::Contains("line 4: t_s \"7200\" is after the end of the report's window "
                             "(3600 s)"));
  CHECK_THAT(fault("timeseries.csv", "t_s,a\n0,1\n1e15,2\n"),
             Catch::Contains("line 3: t_s \"1e15\" is after the end"));
  CHECK_THAT(fault("timeseries.csv", "t_s,a\n0,1\n60,1,2\n"),
             Catch::Contains("line 3: has 3 fields where the header has 2"));
  CHECK_THAT(fault("timeseries.csv", "t_s,a\n60,1\n60,2\n"),
             Catch::Contains("line 3: t_s \"60\" is not a time after the previous row's"));
  CHECK_THAT(fault("timeseries.csv", "time,a\n0,1\n"),
             Catch::Contains("line 1: the first column is not t_s"));
  CHECK_THAT(fault("timeseries.csv", "t_s,a\n"), Catch::Contains("has no rows"));
  CHECK_THAT(fault("timeseries_envelope.csv", "t_s,a:min,a:avg\n0,1,1\n"),
             Catch::Contains("column \"a:avg\" is neither <series>:min nor <series>:max"));
  CHECK_THAT(fault("elsewhere.csv", ""), Catch::Contains("timeseries.csv"));
  std::string rows = "t_s,a:min,a:max\n";
  for (int i = 0; i <= 2000; ++i) rows += std::to_string(i) + ",1,1\n";
  CHECK_THAT(fault("timeseries_envelope.csv", rows),
             Catch::Contains("line 2002: is a row past the 2000th; an envelope albsim writes"));
}

TEST_CASE("albsim report names a folder that holds no run's or plan's document", "[html]") {
  const test::ScratchFolder folder("report-fault");
  CHECK_THROWS_WITH(write_report_html(folder.dir), Catch::Contains("report.json"));
  folder.write("report.json", R"({"schema": "albsim.plan/1"})");
  CHECK_THROWS_WITH(write_report_html(folder.dir),
                    Catch::Contains("report.json: /schema: is not albsim.report/1"));
  folder.write("report.json", R"({"schema": "albsim.report/1", "scenario": {"horizon_s": "7d"}})");
  CHECK_THROWS_WITH(write_report_html(folder.dir),
                    Catch::Contains("report.json: /scenario/horizon_s: is missing or not a "
                                    "positive number"));
  folder.write("report.json", R"({"schema": "albsim.report/1", "scenario": []})");
  CHECK_THROWS_WITH(write_report_html(folder.dir), Catch::Contains("/scenario/horizon_s"));
  folder.write("report.json", "[1, 2]");
  CHECK_THROWS_WITH(write_report_html(folder.dir), Catch::Contains("report.json: /schema"));
  CHECK_FALSE(std::filesystem::exists(folder.dir / "report.html"));

  const test::ScratchFolder empty("report-empty");
  CHECK_THROWS_WITH(write_html_pages(empty.dir),
                    Catch::Contains("holds no report.json, plan.json or calibration.json"));
  empty.write("plan.json", R"({"schema": "albsim.report/1"})");
  CHECK_THROWS_WITH(write_html_pages(empty.dir),
                    Catch::Contains("plan.json: /schema: is not albsim.plan/1"));
}

TEST_CASE("the page's data cannot close its script element", "[html]") {
  const std::string page =
      html_document("a <b> & c", R"({"name": "</script><script>alert(1)</script>"})");
  CHECK(count_of(page, "<script") == 3);  // the data, uPlot, the page's script
  CHECK(count_of(page, "</script>") == 3);
  CHECK(page.find("alert(1)") != std::string::npos);  // still there, as \u003c-escaped JSON
  CHECK(page.find("\\u003c/script>\\u003cscript>alert(1)") != std::string::npos);
  CHECK(page.find("<title>a &lt;b&gt; &amp; c</title>") != std::string::npos);
  CHECK(page.find("default-src 'none'") != std::string::npos);  // nothing loads from anywhere
}

}  // namespace albsim
