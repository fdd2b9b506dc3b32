// The charts' data: every timeseries column of an output folder as a lowest and a highest value
// per time column (about one per pixel), so a year at one-second steps stays small and every
// peak stays visible. Read from DIR/timeseries_envelope.csv (every change of the run, exact:
// report/series_envelope.hpp) or, when a run did not write it, from DIR/timeseries.csv (its
// samples: a peak shorter than a step may fall between them, which `exact` says).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace albsim {

struct ChartSeries {
  std::string name;               // timeseries.csv's column name, like lb:web:demand_lcu
  std::vector<double> low, high;  // per time column; NaN where no row knew it
};

struct ChartColumns {
  std::string file;         // the file read, its name only
  bool exact = false;       // every change (the envelope), else samples
  double sample_s = 0;      // the samples' step (timeseries.csv), 0 for the envelope
  double width_s = 0;       // one time column
  std::vector<double> t_s;  // each column's start, seconds from the scenario's start
  std::vector<ChartSeries> series;

  const ChartSeries* find(const std::string& name) const;
};

inline constexpr std::size_t kChartColumns = 2000;

// `horizon_s` (report.json's scenario.horizon_s) sets the columns of samples: at most
// kChartColumns, at least one sample step wide; a row after it is refused. Throws InputError
// naming the file and line.
ChartColumns read_chart_columns(const std::filesystem::path& dir, double horizon_s);

// One file of either form: an envelope (`envelope`: <series>:min and :max columns) or samples
// in timeseries.csv's columns (seen_as_observed.csv, an observation's timeseries.csv).
ChartColumns read_chart_file(const std::filesystem::path& path, double horizon_s, bool envelope);

}  // namespace albsim
