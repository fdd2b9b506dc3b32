#include "io/trace_loader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "core/calendar.hpp"
#include "io/cloudwatch_trace.hpp"
#include "io/csv_fields.hpp"
#include "io/read_file.hpp"
#include "io/trace_columns.hpp"

namespace albsim {
namespace {

// Trace times stay within +-1e15 ms (31,700 years) of their zero, so times and their differences
// fit in milliseconds with room to spare (ISO-8601 times are years 0000-9999 by construction).
constexpr double kMaxOffsetMs = 1e15;
constexpr std::int64_t kDefaultEventBinMs = 1000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::string quoted_list(const std::vector<std::string_view>& names) {
  std::string out;
  for (const auto name : names) out += (out.empty() ? "\"" : ", \"") + std::string(name) + "\"";
  return out;
}

// Reads CSV text in pieces of whole lines. The header names the columns; every later non-blank
// line is a row with as many fields as the header.
class CsvReader {
 public:
  explicit CsvReader(const TraceRequest& request)
      : request_(request), events_(request.format == TraceRequest::Format::events) {}

  // `text` ends at a line end (or is the end of the file).
  void feed(std::string_view text) {
    while (!text.empty()) {
      const std::size_t end = text.find_first_of("\r\n");
      const std::string_view line = trim_field(text.substr(0, end));
      std::size_t skip = end == std::string_view::npos ? text.size() : end + 1;
      if (end != std::string_view::npos && text[end] == '\r' && end + 1 < text.size() &&
          text[end + 1] == '\n')
        ++skip;
      text.remove_prefix(skip);
      ++line_no_;
      if (line.empty()) continue;
      if (header_count_ == 0) {
        read_header(line);
        // Request timestamps may come without a header: a first line that is a timestamp is
        // the first request (no header can be one).
        if (events_ && request_.time_column.empty() && is_timestamp(line)) read_row(line);
      } else {
        read_row(line);
      }
    }
  }

  TraceColumns finish() { return std::move(out_); }

 private:
  enum Wanted { kTime, kValue, kBytes, kActive, kWanted };

  // Whether `line` is only numbers, separated by blanks or commas: counts without a header.
  static bool bare_numbers(std::string_view line) {
    std::size_t tokens = 0;
    while (!line.empty()) {
      const std::size_t start = line.find_first_not_of(" \t,");
      if (start == std::string_view::npos) break;
      line.remove_prefix(start);
      const std::size_t end = std::min(line.find_first_of(" \t,"), line.size());
      double value = 0;
      const auto [ptr, ec] = std::from_chars(line.data(), line.data() + end, value);
      if (ec != std::errc() || ptr != line.data() + end) return false;
      ++tokens;
      line.remove_prefix(end);
    }
    return tokens > 0;
  }

  void read_header(std::string_view line) {
    if (!events_ && bare_numbers(line))
      throw TraceError(
          line_no_,
          "holds numbers, not column names: a trace is a CSV whose first line names its "
          "columns, with a time column. For counts one per period (a line each, or all on one "
          "line), number them: tr -s ' \\t' '\\n' < FILE | grep . | awk 'BEGIN {print \"i,count\"} "
          "{print NR-1 \",\" $1}' > counts.csv, then give \"time_unit\": \"index\", \"step\" "
          "(the period, like \"1s\") and \"value_column\": \"count\" (or an \"lcu\" conversion "
          "for requests)");
    std::vector<std::string_view> names;
    for (CsvFields fields(line, line_no_); fields.more();) names.push_back(fields.next());
    header_count_ = names.size();
    auto index_of = [&](const std::string& name) {
      for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return i;
      const bool other_separator =
          names.size() == 1 && names[0].find_first_of(";\t|") != std::string_view::npos;
      throw TraceError(line_no_, "no column \"" + name + "\" (columns: " + quoted_list(names) +
                                     ")" +
                                     (other_separator ? "; fields are separated by commas" : ""));
    };
    column_.fill(kNone);
    column_[kTime] = request_.time_column.empty() ? 0 : index_of(request_.time_column);
    if (events_) return;
    if (request_.lcu) {
      value_name_ = request_.lcu->requests_column;
      column_[kValue] = index_of(value_name_);
      if (!request_.lcu->bytes_column.empty())
        column_[kBytes] = index_of(request_.lcu->bytes_column);
      if (!request_.lcu->active_connections_column.empty())
        column_[kActive] = index_of(request_.lcu->active_connections_column);
    } else {
      value_name_ = request_.value_column;
      column_[kValue] = index_of(value_name_);
    }
  }

  void read_row(std::string_view line) {
    std::array<std::string_view, kWanted> field{};
    std::size_t count = 0;
    for (CsvFields fields(line, line_no_); fields.more(); ++count) {
      const std::string_view text = fields.next();
      for (std::size_t w = 0; w < kWanted; ++w)
        if (column_[w] == count) field[w] = text;
    }
    if (count != header_count_)
      throw TraceError(line_no_, "has " + std::to_string(count) + " fields, the header " +
                                     std::to_string(header_count_));
    const std::int64_t time = parse_time(field[kTime]);
    if (!out_.times_ms.empty()) {
      const std::int64_t previous = out_.times_ms.back();
      if (time == previous && out_.ascending && !events_)
        throw TraceError(line_no_, "repeats the timestamp of line " + std::to_string(last_row_));
      if (time < previous) out_.ascending = false;
    }
    out_.times_ms.push_back(time);
    last_row_ = line_no_;
    if (events_) return;
    out_.values.push_back(parse_value(field[kValue], value_name_));
    if (column_[kBytes] != kNone)
      out_.bytes.push_back(parse_value(field[kBytes], request_.lcu->bytes_column));
    if (column_[kActive] != kNone)
      out_.active.push_back(parse_value(field[kActive], request_.lcu->active_connections_column));
  }

  // Whether the first field of `line` reads as a time in the request's unit.
  bool is_timestamp(std::string_view line) const {
    const std::string_view field = CsvFields(line, line_no_).next();
    if (request_.time_unit.name.empty()) return parse_iso8601(field).has_value();
    double number = 0;
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), number);
    return ec == std::errc() && end == field.data() + field.size();
  }

  // `field` as CsvFields gives it (trimmed), here and in parse_time.
  double parse_value(std::string_view field, const std::string& column) const {
    double value = 0;
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (ec != std::errc() || end != field.data() + field.size() || !std::isfinite(value))
      throw TraceError(
          line_no_, "\"" + std::string(field) + "\" in column \"" + column + "\" is not a number");
    if (value < 0)
      throw TraceError(line_no_,
                       "negative value " + std::string(field) + " in column \"" + column + "\"");
    return value;
  }

  // ISO-8601 with a zone, or a number in the request's time unit.
  std::int64_t parse_time(std::string_view field) {
    const TimeUnit& unit = request_.time_unit;
    double number = 0;
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), number);
    const bool numeric =
        ec == std::errc() && end == field.data() + field.size() && std::isfinite(number);
    if (unit.name.empty()) {
      if (const auto epoch = parse_iso8601(field)) {
        out_.iso = true;
        return *epoch;
      }
      if (const auto utc = parse_iso8601(std::string(field) + "Z")) {
        if (request_.utc_offset_ms) {
          out_.iso = true;
          return *utc - *request_.utc_offset_ms;
        }
        throw TraceError(line_no_, "\"" + std::string(field) +
                                       "\" has no zone, so it could be UTC or any local time: "
                                       "give the trace \"time_zone\" (\"Z\", or an offset like "
                                       "\"+02:00\") for the whole file");
      }
      throw TraceError(line_no_, "\"" + std::string(field) + "\" is not a timestamp" +
                                     (numeric ? kNeedsUnit : " (ISO-8601 with a zone)"));
    }
    if (!numeric)
      throw TraceError(line_no_, "\"" + std::string(field) + "\" is not a number" +
                                     (unit.index ? " (a row index)" : " of " + unit.name));
    if (unit.index && (number < 0 || number != std::floor(number)))
      throw TraceError(line_no_,
                       "the row index " + std::string(field) + " is not a whole number >= 0");
    const double ms = number * static_cast<double>(unit.unit_ms);
    if (std::abs(ms) > kMaxOffsetMs)
      throw TraceError(line_no_, "the timestamp " + std::string(field) +
                                     " is too far from 0: offsets are at most 31,700 years");
    if (unit.epoch) out_.iso = true;
    // A request belongs to the millisecond it falls in; a sample to the nearest one.
    return events_ ? static_cast<std::int64_t>(std::floor(ms)) : std::llround(ms);
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  static constexpr const char* kNeedsUnit =
      ": a number needs \"time_unit\" (\"ms\", \"s\", \"m\" or \"h\", or \"index\" with "
      "\"step\"), since a bare number could be seconds, minutes or a row index";
  const TraceRequest& request_;
  const bool events_;
  std::array<std::size_t, kWanted> column_{};
  std::size_t header_count_ = 0;
  std::string value_name_;
  std::size_t line_no_ = 0;
  std::size_t last_row_ = 0;
  TraceColumns out_;
};

// Puts the rows in ascending time (a stable sort keeps file order among equal times).
void sort_rows(TraceColumns& c) {
  std::vector<std::size_t> order(c.times_ms.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return c.times_ms[a] < c.times_ms[b]; });
  auto permute = [&](auto& column) {
    if (column.empty()) return;
    std::remove_reference_t<decltype(column)> sorted(column.size());
    for (std::size_t i = 0; i < order.size(); ++i) sorted[i] = column[order[i]];
    column = std::move(sorted);
  };
  permute(c.times_ms);
  permute(c.values);
  permute(c.bytes);
  permute(c.active);
  c.ascending = true;
}

// Counts the gaps (times between samples longer than the period) and the longest. Times ascend.
void count_gaps(TraceSeries& s) {
  for (std::size_t i = 0; i + 1 < s.times_ms.size(); ++i) {
    const std::int64_t missing = s.times_ms[i + 1] - s.times_ms[i] - s.period_ms;
    if (missing <= 0) continue;
    ++s.gaps;
    s.longest_gap_ms = std::max(s.longest_gap_ms, missing);
  }
}

// Reads each gap as no traffic: a 0 sample one period after the sample before it (CloudWatch
// lists no datapoint for a period without data, a log aggregated per minute no row for a minute
// without requests), where the rule "a gap keeps the earlier value" would hold a busy minute
// through a quiet night. Counts the periods so filled. Times ascend.
void zero_missing_periods(TraceSeries& s) {
  const std::int64_t period = s.period_ms;
  std::vector<std::int64_t> times;
  std::vector<double> values;
  for (std::size_t i = 0; i < s.times_ms.size(); ++i) {
    times.push_back(s.times_ms[i]);
    values.push_back(s.values[i]);
    if (i + 1 == s.times_ms.size() || s.times_ms[i + 1] - s.times_ms[i] <= period) continue;
    times.push_back(s.times_ms[i] + period);
    values.push_back(0.0);
    s.missing_periods += (s.times_ms[i + 1] - s.times_ms[i] + period - 1) / period - 1;
  }
  s.times_ms = std::move(times);
  s.values = std::move(values);
  s.gaps_zero = true;
}

// Sample rows to a series: sorted, the period found, each value converted to LCU and scaled.
TraceSeries samples_to_series(const TraceRequest& request, TraceColumns c) {
  if (c.times_ms.empty()) throw TraceError(0, "has no samples");
  if (!c.ascending) sort_rows(c);
  std::int64_t smallest_gap = 0;
  for (std::size_t i = 1; i < c.times_ms.size(); ++i) {
    const std::int64_t gap = c.times_ms[i] - c.times_ms[i - 1];
    if (gap == 0)
      throw TraceError(0, "repeats the timestamp " +
                              (c.iso ? format_iso8601_utc(c.times_ms[i])
                                     : std::to_string(c.times_ms[i]) + " ms") +
                              " (rows out of order, so no line to name)");
    if (smallest_gap == 0 || gap < smallest_gap) smallest_gap = gap;
  }
  TraceSeries series;
  series.epoch_times = c.iso;
  series.period_ms = request.period_ms.value_or(smallest_gap);
  if (series.period_ms <= 0) throw TraceError(0, "a single sample has no period; give \"period\"");
  series.rows = c.times_ms.size();
  series.file_period_ms = series.period_ms;
  const double period_s = static_cast<double>(series.period_ms) / 1000.0;
  series.values = std::move(c.values);
  if (request.lcu && !request.to_lcu)
    throw std::logic_error("trace request: an LCU conversion without to_lcu");
  for (std::size_t i = 0; i < series.values.size(); ++i) {
    double& v = series.values[i];
    if (request.lcu)
      v = request.to_lcu(v, c.bytes.empty() ? 0 : c.bytes[i], c.active.empty() ? 0 : c.active[i],
                         period_s);
    v *= request.scale;
  }
  series.times_ms = std::move(c.times_ms);
  series.metric = std::move(c.metric);
  series.statistic = std::move(c.statistic);
  count_gaps(series);
  if (request.format == TraceRequest::Format::cloudwatch || request.gaps_zero)
    zero_missing_periods(series);
  return series;
}

// Request timestamps to a series of request counts per bin of `period` (default 1 s), bins at
// multiples of the period: a sample at each busy bin, and a 0 after a busy bin that the next
// busy bin does not follow at once. Sample values are LCU (requests/s through the conversion).
TraceSeries events_to_series(const TraceRequest& request, TraceColumns c) {
  if (c.times_ms.empty()) throw TraceError(0, "has no request timestamps");
  if (!c.ascending) std::sort(c.times_ms.begin(), c.times_ms.end());
  TraceSeries series;
  series.epoch_times = c.iso;
  series.rows = c.times_ms.size();
  series.period_ms = request.period_ms.value_or(kDefaultEventBinMs);
  series.file_period_ms = series.period_ms;
  const std::int64_t bin = series.period_ms;
  const double bin_s = static_cast<double>(bin) / 1000.0;
  if (!request.to_lcu) throw std::logic_error("trace request: request timestamps without to_lcu");
  auto lcu = [&](double requests) { return request.to_lcu(requests, 0, 0, bin_s) * request.scale; };
  std::size_t i = 0;
  while (i < c.times_ms.size()) {
    const std::int64_t b = floor_div(c.times_ms[i], bin);
    std::size_t j = i;
    while (j < c.times_ms.size() && floor_div(c.times_ms[j], bin) == b) ++j;
    series.times_ms.push_back(b * bin);
    series.values.push_back(lcu(static_cast<double>(j - i)));
    if (j < c.times_ms.size() && floor_div(c.times_ms[j], bin) > b + 1) {
      series.times_ms.push_back((b + 1) * bin);
      series.values.push_back(0.0);
    }
    i = j;
  }
  return series;
}

TraceSeries columns_to_series(const TraceRequest& request, TraceColumns c) {
  return request.format == TraceRequest::Format::events ? events_to_series(request, std::move(c))
                                                        : samples_to_series(request, std::move(c));
}

// Streams a CSV file through the reader in pieces cut at line ends.
TraceColumns read_csv_file(const TraceRequest& request) {
  CsvReader reader(request);
  try {
    read_file_by_lines(request.path, "trace file", kMaxFileBytes,
                       [&](std::string_view lines) { reader.feed(lines); });
  } catch (const ReadError& e) {
    throw TraceError(0, e.what());
  }
  return reader.finish();
}

}  // namespace

TraceSeries load_trace(const TraceRequest& request) {
  if (request.format != TraceRequest::Format::cloudwatch)
    return columns_to_series(request, read_csv_file(request));
  std::string text;
  try {
    text = read_file(request.path, "trace file", kMaxJsonBytes);
  } catch (const ReadError& e) {
    throw TraceError(0, e.what());
  }
  return parse_trace(request, text);
}

TraceSeries parse_trace(const TraceRequest& request, std::string_view text) {
  if (request.format == TraceRequest::Format::cloudwatch) {
    TraceSeries series = samples_to_series(request, read_cloudwatch(text, request));
    series.epoch_times = true;
    return series;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvReader reader(request);
  reader.feed(text);
  return columns_to_series(request, reader.finish());
}

}  // namespace albsim
