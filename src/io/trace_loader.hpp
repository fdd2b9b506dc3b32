// Trace loading: a demand time series from a CSV file, a file of request timestamps (`events`),
// or the JSON that `aws cloudwatch get-metric-data` or `get-metric-statistics` prints. Rules
// (documented in scenarios/README.md):
// - rows are sorted by time (CloudWatch lists newest first); a duplicate sample timestamp, a
//   negative or non-numeric value, a missing column or an empty trace is an error;
// - a number in the time column needs a unit (TimeUnit): a bare number could be seconds,
//   minutes or a row index, and guessing wrong scales demand by 60;
// - a sample holds until the next one (the value at t is the last sample at or before t);
// - `events` files hold one request per row (a header first, unless the first line is already a
//   timestamp); they are counted into bins of `period` (default 1 s) aligned to multiples of the
//   period, and an empty bin is 0 requests.
// CSV files are read in chunks, so a year of per-second rows (31.5 M) needs the series' 16 bytes
// a sample, never the whole text.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "albsim/scenario.hpp"
#include "io/trace_error.hpp"

namespace albsim {

// The columns an LCU conversion reads from a CSV: requests per sample, and optionally bytes and
// active connections.
struct LcuColumns {
  std::string requests_column;
  std::string bytes_column;               // empty: none
  std::string active_connections_column;  // empty: none
};

// LCU of one sample of `period_s` seconds from its requests, bytes and active connections: the
// caller's conversion (demand/lcu_conversion.hpp); the reader only reads the quantities.
using SampleToLcu = std::function<double(double requests, double bytes, double active_connections,
                                         double period_s)>;

// The statistics a get-metric-statistics datapoint can hold.
inline constexpr const char* kCloudWatchStatistics[] = {"Sum", "Average", "Maximum", "Minimum",
                                                        "SampleCount"};

// How a numeric time column is read: a count of `unit_ms` milliseconds (ms, s, m, h), or with
// `index` a whole row number times `unit_ms` (the `step`). ISO-8601 columns need none.
struct TimeUnit {
  std::string name;  // "ms", "s", "m", "h", "unix_s", "unix_ms" or "index"; empty: ISO-8601 only
  std::int64_t unit_ms = 0;
  bool index = false;
  bool epoch = false;  // a Unix time (since 1970-01-01T00:00Z): the trace has dates
};

struct TraceRequest {
  std::string path;
  enum class Format { csv, cloudwatch, events } format = Format::csv;
  std::string time_column;   // csv, events; empty: the first column
  std::string value_column;  // csv; required unless `lcu`
  TimeUnit time_unit;        // csv, events
  // csv, events: the zone of ISO-8601 times written without one, as milliseconds east of UTC
  // (none: such a time is refused). A time with its own zone keeps it.
  std::optional<std::int64_t> utc_offset_ms;
  std::string metric;  // cloudwatch get-metric-data: Id or Label; empty: the only result
  // cloudwatch: Sum, Average, ...: for get-metric-statistics, which of the datapoints' (empty:
  // the only one they hold); for get-metric-data, the one its query used (empty: the one its
  // Label names; a trace that says none is refused).
  std::string statistic;
  std::optional<LcuColumns> lcu;          // csv: values are converted to LCU from these columns
  SampleToLcu to_lcu;                     // with `lcu`, and always for events (requests per bin)
  std::optional<std::int64_t> period_ms;  // empty: the smallest gap (events: 1 s)
  // csv: read a gap between samples as no traffic (a 0 one period after the sample before)
  // instead of holding the sample before; cloudwatch: always so.
  bool gaps_zero = false;
  double scale = 1;
};

// Reads request.path (at most kMaxFileBytes, see read_file.hpp) and parses it.
TraceSeries load_trace(const TraceRequest& request);
// Parses the text of a trace file; request.path is not read.
TraceSeries parse_trace(const TraceRequest& request, std::string_view text);

}  // namespace albsim
