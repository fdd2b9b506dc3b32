#include "io/trace_loader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>
#include <vector>

#include "core/calendar.hpp"
#include "io/read_file.hpp"

namespace albsim {
namespace {

// Seconds timestamps stay within +-1e12 s, so times and their differences fit in milliseconds
// with room to spare (ISO-8601 times are years 0000-9999 by construction).
constexpr double kMaxOffsetSeconds = 1e12;

struct Sample {
  std::int64_t time_ms;
  double requests_or_value;
  double bytes;
  double active;
  std::size_t line;
};

std::string read_trace(const std::string& path, std::uint64_t max_bytes) {
  try {
    return read_file(path, "trace file", max_bytes);
  } catch (const ReadError& e) {
    throw TraceError(0, e.what());
  }
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t comma = line.find(',');
    fields.push_back(line.substr(0, comma));
    if (comma == std::string_view::npos) return fields;
    line.remove_prefix(comma + 1);
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

double parse_value(std::string_view field, std::size_t line, const std::string& column) {
  field = trim(field);
  double value = 0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (ec != std::errc() || end != field.data() + field.size() || !std::isfinite(value))
    throw TraceError(line,
                     "\"" + std::string(field) + "\" in column \"" + column + "\" is not a number");
  if (value < 0)
    throw TraceError(line,
                     "negative value " + std::string(field) + " in column \"" + column + "\"");
  return value;
}

// ISO-8601 (with a zone) or a number of seconds since the trace's zero.
std::int64_t parse_time(std::string_view field, std::size_t line, bool& iso, bool first) {
  field = trim(field);
  if (const auto epoch = parse_iso8601(field)) {
    if (!first && !iso) throw TraceError(line, "mixes ISO-8601 and seconds timestamps");
    iso = true;
    return *epoch;
  }
  double seconds = 0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), seconds);
  if (ec != std::errc() || end != field.data() + field.size() || !std::isfinite(seconds))
    throw TraceError(line, "\"" + std::string(field) +
                               "\" is not a timestamp (ISO-8601 with a zone, or seconds)");
  if (!first && iso) throw TraceError(line, "mixes ISO-8601 and seconds timestamps");
  if (std::abs(seconds) > kMaxOffsetSeconds)
    throw TraceError(line, "the timestamp " + std::string(field) +
                               " s is too far from 0: offsets are at most 1e12 s (31,700 years)");
  iso = false;
  return std::llround(seconds * 1000.0);
}

std::size_t column_index(const std::vector<std::string_view>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (trim(header[i]) == name) return i;
  std::string known;
  for (const auto h : header)
    known += (known.empty() ? "\"" : ", \"") + std::string(trim(h)) + "\"";
  throw TraceError(1, "no column \"" + name + "\" (columns: " + known + ")");
}

std::vector<Sample> read_csv(const TraceRequest& request, std::string_view text, bool& iso) {
  std::string_view rest(text);
  std::vector<Sample> samples;
  std::vector<std::string_view> header;
  std::size_t time_col = 0, value_col = 0, bytes_col = 0, active_col = 0;
  bool has_bytes = false, has_active = false;
  std::string value_name;
  for (std::size_t line_no = 1; !rest.empty(); ++line_no) {
    // A line ends at "\n", "\r\n" or a lone "\r".
    const std::size_t end = rest.find_first_of("\r\n");
    const std::string_view line = trim(rest.substr(0, end));
    const bool crlf = end != std::string_view::npos && rest[end] == '\r' && end + 1 < rest.size() &&
                      rest[end + 1] == '\n';
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + (crlf ? 2 : 1));
    if (line.empty()) continue;
    const auto fields = split(line);
    if (header.empty()) {
      header = fields;
      time_col = request.time_column.empty() ? 0 : column_index(header, request.time_column);
      if (request.lcu) {
        value_name = request.lcu->requests_column;
        value_col = column_index(header, value_name);
        has_bytes = !request.lcu->bytes_column.empty();
        if (has_bytes) bytes_col = column_index(header, request.lcu->bytes_column);
        has_active = !request.lcu->active_connections_column.empty();
        if (has_active) active_col = column_index(header, request.lcu->active_connections_column);
      } else {
        value_name = request.value_column;
        value_col = column_index(header, value_name);
      }
      continue;
    }
    if (fields.size() != header.size())
      throw TraceError(line_no, "has " + std::to_string(fields.size()) + " fields, the header " +
                                    std::to_string(header.size()));
    Sample s{parse_time(fields[time_col], line_no, iso, samples.empty()),
             parse_value(fields[value_col], line_no, value_name), 0, 0, line_no};
    if (has_bytes) s.bytes = parse_value(fields[bytes_col], line_no, request.lcu->bytes_column);
    if (has_active)
      s.active = parse_value(fields[active_col], line_no, request.lcu->active_connections_column);
    samples.push_back(s);
  }
  return samples;
}

// The string member `key` of a CloudWatch result ("" when absent).
std::string string_member(const nlohmann::json& result, const char* key, const std::string& where) {
  const auto it = result.find(key);
  if (it == result.end()) return "";
  if (!it->is_string()) throw TraceError(0, where + "/" + key + " is not a string");
  return it->get<std::string>();
}

// `aws cloudwatch get-metric-statistics` output: {"Label", "Datapoints": [{"Timestamp", "Sum",
// ...}]}, datapoints in no particular order, one value per statistic asked for.
std::vector<Sample> read_metric_statistics(const nlohmann::json& doc, const TraceRequest& request) {
  if (!request.metric.empty())
    throw TraceError(0,
                     "get-metric-statistics output holds one metric; \"metric\" is for "
                     "get-metric-data output (use \"statistic\")");
  const auto& points = doc["Datapoints"];
  std::string statistic = request.statistic;
  if (statistic.empty() && !points.empty() && points[0].is_object()) {
    std::vector<std::string> present;
    for (const char* name : kCloudWatchStatistics)
      if (points[0].contains(name)) present.emplace_back(name);
    if (present.size() > 1) {
      std::string names;
      for (const std::string& name : present) names += (names.empty() ? "" : ", ") + name;
      throw TraceError(0, "the datapoints hold several statistics (" + names +
                              "); choose one with \"statistic\"");
    }
    if (!present.empty()) statistic = present.front();
  }
  std::vector<Sample> samples;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto& p = points[i];
    const std::string where = "Datapoints[" + std::to_string(i) + "]";
    if (!p.is_object()) throw TraceError(0, where + " is not an object");
    const auto time = p.find("Timestamp");
    const auto epoch = time != p.end() && time->is_string()
                           ? parse_iso8601(time->get<std::string>())
                           : std::nullopt;
    if (!epoch) throw TraceError(0, where + ".Timestamp is not an ISO-8601 time");
    const auto value = p.find(statistic);
    if (value == p.end())
      throw TraceError(0, where + " has no " + (statistic.empty() ? "statistic" : statistic) +
                              " (give \"statistic\": one of Sum, Average, Maximum, Minimum, "
                              "SampleCount that the datapoints hold)");
    if (!value->is_number() || value->get<double>() < 0)
      throw TraceError(0, where + "." + statistic + " is not a non-negative number");
    samples.push_back({*epoch, value->get<double>(), 0, 0, i});
  }
  return samples;
}

std::vector<Sample> read_cloudwatch(std::string_view text, const TraceRequest& request) {
  nlohmann::json doc;
  try {
    doc = parse_json(text);
  } catch (const ReadError& e) {
    throw TraceError(0, e.what());
  }
  if (doc.is_object() && doc.contains("Datapoints") && doc["Datapoints"].is_array())
    return read_metric_statistics(doc, request);
  if (!request.statistic.empty())
    throw TraceError(0, "\"statistic\" is for get-metric-statistics output (Datapoints)");
  if (!doc.is_object() || !doc.contains("MetricDataResults") ||
      !doc["MetricDataResults"].is_array())
    throw TraceError(0,
                     "not the output of aws cloudwatch get-metric-data (no MetricDataResults) "
                     "or get-metric-statistics (no Datapoints)");
  const auto& results = doc["MetricDataResults"];
  const nlohmann::json* chosen = nullptr;
  std::string ids;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    const std::string where = "MetricDataResults[" + std::to_string(i) + "]";
    if (!r.is_object()) throw TraceError(0, where + " is not an object");
    const std::string id = string_member(r, "Id", where), label = string_member(r, "Label", where);
    ids += (ids.empty() ? "\"" : ", \"") + id + "\"";
    if (request.metric.empty() ? results.size() == 1
                               : (id == request.metric || label == request.metric))
      chosen = &r;
  }
  if (!chosen)
    throw TraceError(
        0, (request.metric.empty() ? std::string("several results; choose one with \"metric\"")
                                   : "no result with Id or Label \"" + request.metric + "\"") +
               " (Ids: " + ids + ")");
  const auto times = chosen->find("Timestamps");
  const auto values = chosen->find("Values");
  if (times == chosen->end() || values == chosen->end() || !times->is_array() ||
      !values->is_array() || times->size() != values->size())
    throw TraceError(0, "Timestamps and Values must be arrays of the same length");
  std::vector<Sample> samples;
  for (std::size_t i = 0; i < times->size(); ++i) {
    const auto& time = (*times)[i];
    const auto& value = (*values)[i];
    const auto epoch = time.is_string() ? parse_iso8601(time.get<std::string>()) : std::nullopt;
    if (!epoch)
      throw TraceError(0, "Timestamps[" + std::to_string(i) + "] is not an ISO-8601 time");
    if (!value.is_number() || value.get<double>() < 0)
      throw TraceError(0, "Values[" + std::to_string(i) + "] is not a non-negative number");
    samples.push_back({*epoch, value.get<double>(), 0, 0, i});
  }
  return samples;
}

}  // namespace

double lcu_of_sample(const LcuConversion& c, double requests, double bytes,
                     double active_connections, double period_s) {
  const double new_connections_per_s = requests * c.new_connections_per_request / period_s;
  const double gb_per_hour = bytes / c.bytes_per_gb * 3600.0 / period_s;
  const double rule_evaluations_per_s = requests * c.rule_evaluations_per_request / period_s;
  return std::max({new_connections_per_s / 25.0, active_connections / 3000.0, gb_per_hour / 1.0,
                   rule_evaluations_per_s / 1000.0});
}

TraceSeries load_trace(const TraceRequest& request) {
  const bool csv = request.format == TraceRequest::Format::csv;
  return parse_trace(request, read_trace(request.path, csv ? kMaxFileBytes : kMaxJsonBytes));
}

TraceSeries parse_trace(const TraceRequest& request, std::string_view text) {
  bool epoch_times = false;
  std::vector<Sample> samples = request.format == TraceRequest::Format::csv
                                    ? read_csv(request, text, epoch_times)
                                    : read_cloudwatch(text, request);
  if (samples.empty()) throw TraceError(0, "has no samples");
  std::stable_sort(samples.begin(), samples.end(),
                   [](const Sample& a, const Sample& b) { return a.time_ms < b.time_ms; });
  std::int64_t smallest_gap = 0;
  for (std::size_t i = 1; i < samples.size(); ++i) {
    const std::int64_t gap = samples[i].time_ms - samples[i - 1].time_ms;
    if (gap == 0)
      throw TraceError(samples[i].line,
                       "repeats the timestamp of line " + std::to_string(samples[i - 1].line));
    if (smallest_gap == 0 || gap < smallest_gap) smallest_gap = gap;
  }
  TraceSeries series;
  series.epoch_times = request.format == TraceRequest::Format::cloudwatch || epoch_times;
  series.period_ms = request.period_ms.value_or(smallest_gap);
  if (series.period_ms <= 0) throw TraceError(0, "a single sample has no period; give \"period\"");
  series.times_ms.reserve(samples.size());
  series.values.reserve(samples.size());
  const double period_s = static_cast<double>(series.period_ms) / 1000.0;
  for (const Sample& s : samples) {
    series.times_ms.push_back(s.time_ms);
    const double lcu =
        request.lcu ? lcu_of_sample(*request.lcu, s.requests_or_value, s.bytes, s.active, period_s)
                    : s.requests_or_value;
    series.values.push_back(lcu * request.scale);
  }
  return series;
}

}  // namespace albsim
