#include "import/metric_choice.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "albsim/input_error.hpp"
#include "core/calendar.hpp"
#include "import/json_fields.hpp"
#include "io/aws_pages.hpp"
#include "io/cloudwatch_trace.hpp"
#include "io/metric_data_series.hpp"
#include "io/read_file.hpp"
#include "io/trace_loader.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

// The smallest gap between the timestamps in seconds (0 with fewer than two or any unreadable).
double period_s_of(const std::vector<std::string>& timestamps) {
  std::vector<std::int64_t> times;
  for (const std::string& t : timestamps) {
    const auto epoch = parse_iso8601(t);
    if (!epoch) return 0;
    times.push_back(*epoch);
  }
  std::sort(times.begin(), times.end());
  std::int64_t gap = 0;
  for (std::size_t i = 1; i < times.size(); ++i)
    if (times[i] > times[i - 1] && (gap == 0 || times[i] - times[i - 1] < gap))
      gap = times[i] - times[i - 1];
  return static_cast<double>(gap) / 1000.0;
}

}  // namespace

MetricSource::MetricSource(MetricOptions options) : options_(std::move(options)) {
  try {
    doc_ = parse_ordered_json(read_file(options_.file, "CloudWatch output", kMaxJsonBytes));
  } catch (const ReadError& e) {
    throw InputError(options_.file, "", e.what());
  }
  if (options_.as && *options_.as != "lcu" && *options_.as != "requests")
    throw InputError("--metric-as", *options_.as,
                     "must be lcu (ConsumedLCUs) or requests "
                     "(RequestCount, Sum per period)");
  datapoints_ = doc_.is_object() && doc_.contains("Datapoints") && doc_["Datapoints"].is_array();
  if (!datapoints_) {
    if (!doc_.is_object() || !doc_.contains("MetricDataResults") ||
        !doc_["MetricDataResults"].is_array())
      throw InputError(options_.file, "/MetricDataResults",
                       "missing: give aws cloudwatch get-metric-data output (MetricDataResults) "
                       "or get-metric-statistics output (Datapoints)" +
                           what_aws_output_is(doc_, {"MetricDataResults", "Datapoints"}));
    if (options_.statistic &&
        std::find(std::begin(kCloudWatchStatistics), std::end(kCloudWatchStatistics),
                  *options_.statistic) == std::end(kCloudWatchStatistics))
      throw InputError("--statistic", *options_.statistic,
                       "must be one of Sum, Average, Maximum, Minimum, SampleCount");
    return;
  }
  const Json& points = doc_["Datapoints"];
  std::vector<std::string> present;
  if (!points.empty() && points[0].is_object())
    for (const char* name : kCloudWatchStatistics)
      if (points[0].contains(name)) present.emplace_back(name);
  if (options_.statistic) {
    if (std::find(present.begin(), present.end(), *options_.statistic) == present.end())
      throw InputError("--statistic", *options_.statistic,
                       "the datapoints of " + options_.file + " do not hold it");
    statistic_ = *options_.statistic;
  } else if (present.size() == 1) {
    statistic_ = present.front();
  } else {
    std::string names;
    for (const std::string& n : present) names += (names.empty() ? "" : ", ") + n;
    throw InputError(options_.file, "/Datapoints/0",
                     present.empty()
                         ? "holds no statistic (Sum, Average, ...)"
                         : "holds several statistics (" + names + "); choose one with --statistic");
  }
}

std::optional<std::string> MetricSource::choice_for(const std::string& lb) const {
  std::optional<std::string> any;
  for (const std::string& c : options_.choices) {
    const auto eq = c.find('=');
    if (eq == std::string::npos)
      any = c;
    else if (c.substr(0, eq) == lb)
      return c.substr(eq + 1);
  }
  return any;
}

std::vector<MetricSource::Series> MetricSource::candidates_for(const std::string& lb) const {
  std::vector<Series> out;
  if (datapoints_) {
    Series s{"/Datapoints", "", text(doc_, "Label"), {}, std::nullopt};
    for (const Json& p : doc_["Datapoints"]) s.timestamps.push_back(text(p, "Timestamp"));
    out.push_back(std::move(s));
    return out;
  }
  const Json& results = doc_["MetricDataResults"];
  const std::vector<MetricDataSeries> all = metric_data_series();
  const bool next_token = !text(doc_, "NextToken").empty();
  const auto chosen = choice_for(lb);
  for (const MetricDataSeries& s : all) {
    const bool match =
        chosen ? (s.id == *chosen || s.label == *chosen)
               : (s.label.find(lb) != std::string::npos || s.id == lb || all.size() == 1);
    if (!match) continue;
    Series one{"/MetricDataResults/" + std::to_string(s.results.front()),
               s.id,
               s.label,
               {},
               metric_data_gap(s, next_token)};
    for (const std::size_t index : s.results) {  // every page of the query, in order
      const Json& r = results[index];
      if (r.is_object() && r.contains("Timestamps") && r["Timestamps"].is_array())
        for (const Json& t : r["Timestamps"])
          one.timestamps.push_back(t.is_string() ? t.get<std::string>() : "");
    }
    out.push_back(std::move(one));
  }
  if (chosen && out.empty()) {
    std::string names;
    for (const MetricDataSeries& s : all)
      names += (names.empty() ? "\"" : ", \"") + s.id + "\" (" + s.label + ")";
    throw InputError("--metric", *chosen,
                     "no result of " + options_.file + " has this Id or Label; results: " + names);
  }
  return out;
}

std::vector<MetricDataSeries> MetricSource::metric_data_series() const {
  std::vector<MetricDataResult> listed;
  for (const Json& r : doc_["MetricDataResults"])
    listed.push_back({text(r, "Id"), text(r, "Label"), text(r, "StatusCode")});
  return group_metric_data(listed);
}

std::string MetricSource::results_named() const {
  if (datapoints_) return "the datapoints' Label \"" + text(doc_, "Label") + "\"";
  std::string names;
  for (const MetricDataSeries& s : metric_data_series())
    names += (names.empty() ? "results \"" : ", \"") + s.id + "\" (Label \"" + s.label + "\")";
  return names.empty() ? "no results" : names;
}

MetricSource::Kind MetricSource::kind_of(const Series& s) const {
  if (options_.as) return *options_.as == "lcu" ? Kind::lcu : Kind::requests;
  const std::string name = lower(s.label + " " + s.id);
  if (name.find("consumedlcu") != std::string::npos) return Kind::lcu;
  if (name.find("requestcount") != std::string::npos) return Kind::requests;
  return Kind::unknown;
}

std::optional<MetricSource::Json> MetricSource::trace_for(const std::string& lb,
                                                          std::vector<std::string>& notes) {
  const std::vector<Series> candidates = candidates_for(lb);
  if (candidates.empty()) {
    notes.push_back(lb +
                    ": no metric result names it; demand is a constant 0 LCU (give "
                    "--metric " +
                    lb + "=ID to choose one)");
    return std::nullopt;
  }
  if (candidates.size() > 1) {
    std::string names;
    for (const Series& s : candidates)
      names += (names.empty() ? "\"" : " and \"") + s.id + "\" (Label \"" + s.label + "\")";
    throw InputError(options_.file, "/MetricDataResults",
                     "results " + names + " could both be " + lb +
                         "'s demand; choose one with --metric ID (or --metric " + lb + "=ID)");
  }
  if (datapoints_ && !used_by_.empty() && !used_by_.count(lb))
    throw InputError(options_.file, "/Datapoints",
                     "get-metric-statistics output is one series, but it would be the demand of " +
                         *used_by_.begin() + " and of " + lb +
                         "; import one load balancer at a time, or use get-metric-data with a "
                         "query per load balancer");
  if (datapoints_) used_by_.insert(lb);
  if (candidates.front().gap)
    throw InputError(options_.file, candidates.front().pointer, *candidates.front().gap);
  return trace_of(lb, candidates.front(), notes);
}

MetricSource::Json MetricSource::trace_of(const std::string& lb, const Series& s,
                                          std::vector<std::string>& notes) {
  const std::string name = datapoints_ ? "the datapoints (Label \"" + s.label + "\")"
                                       : "result \"" + s.id + "\" (Label \"" + s.label + "\")";
  const Kind kind = kind_of(s);
  if (kind == Kind::unknown)
    throw InputError(options_.file, s.pointer,
                     "cannot tell which metric " + name +
                         " is: add --metric-as lcu if it is ConsumedLCUs, or --metric-as "
                         "requests if it is RequestCount (Sum per period)");
  if (kind == Kind::requests && !options_.as)
    throw InputError(options_.file, s.pointer,
                     name +
                         " is RequestCount, not ConsumedLCUs: add --metric-as requests to "
                         "convert it (LCU = requests per second / 25, one new connection per "
                         "request), or export ConsumedLCUs");
  // get-metric-data does not say which statistic its queries used: --statistic, or the Label.
  const std::string statistic =
      datapoints_ ? statistic_ : options_.statistic.value_or(statistic_named_in(s.label));
  if (statistic.empty())
    throw InputError(options_.file, s.pointer,
                     name +
                         " does not say which statistic its query used: give --statistic (or "
                         "name it in the query's Label). Export ConsumedLCUs with the Average "
                         "(or Sum) statistic over 60-second periods (docs/real-data.md)");
  if (kind == Kind::requests && statistic != "Sum")
    throw InputError(
        "--metric-as", "requests",
        "needs the Sum statistic (requests per period); " + name + " gives " + statistic);
  Json trace{{"file", options_.reference}};
  if (!datapoints_) trace["metric"] = s.id;
  trace["statistic"] = statistic;
  double period_s = period_s_of(s.timestamps);
  if (period_s <= 0) {
    period_s = 60;
    trace["period"] = "1m";
    notes.push_back(lb + ": " + name + " has a single sample; period taken as 1m");
  }
  for (const std::string& t : s.timestamps)
    if (const auto epoch = parse_iso8601(t)) {
      const std::int64_t end = *epoch + std::llround(period_s * 1000);
      span_ = span_ ? TraceSpan{std::min(span_->first_ms, *epoch), std::max(span_->end_ms, end)}
                    : TraceSpan{*epoch, end};
    }
  if (kind == Kind::requests) {
    trace["scale"] = 1.0 / (25.0 * period_s);
    notes.push_back(lb + ": " + name + " converted from requests to LCU at one new connection " +
                    "per request (scale 1 / (25 x " +
                    std::to_string(static_cast<long long>(period_s)) +
                    " s)); keep-alive makes this an upper bound, and bytes, active connections "
                    "and rule evaluations are not counted");
  }
  return trace;
}

}  // namespace albsim
