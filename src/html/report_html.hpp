// `albsim report DIR` and `--html`: DIR/report.html from what a run left in DIR (report.json,
// and timeseries_envelope.csv or timeseries.csv), DIR/plan.html from a plan's plan.json, so
// nothing has to run again. What the pages show is docs/html-report.md's; the page's script
// (report_page.js) draws it from the data written here: the JSON document as it is, and for a
// run the chart columns (chart_columns.hpp).
#pragma once

#include <filesystem>
#include <vector>

namespace albsim {

// Writes DIR/report.html whole or not at all and returns its path. Throws InputError naming the
// file at fault (no report.json, one that is not a run's report, a timeseries that cannot be
// read).
std::filesystem::path write_report_html(const std::filesystem::path& dir);

// Writes DIR/plan.html from DIR/plan.json; the same contract.
std::filesystem::path write_plan_html(const std::filesystem::path& dir);

// Writes DIR/calibration.html from DIR/calibration.json and calibration_nodes.csv; the same
// contract.
std::filesystem::path write_calibration_html(const std::filesystem::path& dir);

// Every page DIR's files make (report.html, plan.html, calibration.html); throws InputError
// naming the folder when it holds none of their documents.
std::vector<std::filesystem::path> write_html_pages(const std::filesystem::path& dir);

}  // namespace albsim
