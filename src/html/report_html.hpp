// `albsim report DIR` and `--html`: DIR/report.html from what a run left in DIR (report.json,
// and timeseries_envelope.csv or timeseries.csv), so nothing has to run again. What the page
// shows is docs/html-report.md's; the page's script (report_page.js) draws it from the data
// written here: report.json as it is, and the chart columns (chart_columns.hpp).
#pragma once

#include <filesystem>

namespace albsim {

// Writes DIR/report.html whole or not at all and returns its path. Throws InputError naming the
// file at fault (no report.json, one that is not a run's report, a timeseries that cannot be
// read).
std::filesystem::path write_report_html(const std::filesystem::path& dir);

}  // namespace albsim
