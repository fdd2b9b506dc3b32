#include "io/cloudwatch_trace.hpp"

#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "core/calendar.hpp"
#include "io/aws_pages.hpp"
#include "io/metric_data_series.hpp"
#include "io/read_file.hpp"

namespace albsim {
namespace {

void add(TraceColumns& c, std::int64_t time_ms, double value) {
  if (!c.times_ms.empty() && time_ms < c.times_ms.back()) c.ascending = false;
  c.times_ms.push_back(time_ms);
  c.values.push_back(value);
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
TraceColumns read_metric_statistics(const nlohmann::json& doc, const TraceRequest& request) {
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
  TraceColumns samples;
  samples.iso = true;
  samples.statistic = statistic;
  samples.metric =
      doc.contains("Label") && doc["Label"].is_string() ? doc["Label"].get<std::string>() : "";
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
    add(samples, *epoch, value->get<double>());
  }
  return samples;
}

// What a JSON document that is no CloudWatch output is, when it is a time series albsim meets
// elsewhere, with the line that makes it a CSV trace; "" otherwise.
std::string other_series_json(const nlohmann::json& doc) {
  if (doc.contains("data") && doc["data"].is_object() && doc["data"].contains("resultType"))
    return "; this is a Prometheus query answer: make it a CSV with jq -r '\"t,value\", "
           "(.data.result[0].values[] | \"\\(.[0]),\\(.[1])\")' FILE > trace.csv and give "
           "\"time_unit\": \"unix_s\", \"value_column\": \"value\"";
  if (doc.contains("results") && doc["results"].is_array() && doc.contains("status"))
    return "; this is CloudWatch Logs Insights output (aws logs get-query-results): export the "
           "query's results as CSV (the console's Export, or jq) and give \"time_column\" (like "
           "\"bin(1m)\") and \"time_zone\": \"Z\" (its times have no zone)";
  return "";
}

}  // namespace

std::string statistic_named_in(const std::string& label) {
  // Each word a label may use for a statistic, lower case: the names, and the short forms of
  // the console and the AWS CLI examples ("Avg Total IOPS").
  static constexpr std::pair<std::string_view, const char*> kWords[] = {
      {"sum", "Sum"},     {"average", "Average"},
      {"avg", "Average"}, {"maximum", "Maximum"},
      {"max", "Maximum"}, {"minimum", "Minimum"},
      {"min", "Minimum"}, {"samplecount", "SampleCount"}};
  std::set<std::string> found;
  std::string word;
  const auto take = [&] {
    for (const auto& [spelled, statistic] : kWords)
      if (word == spelled) found.insert(statistic);
    word.clear();
  };
  for (const char c : label) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else
      take();
  }
  take();
  return found.size() == 1 ? *found.begin() : "";
}

TraceColumns read_cloudwatch(std::string_view text, const TraceRequest& request) {
  nlohmann::json doc;
  try {
    doc = parse_json(text);
  } catch (const ReadError& e) {
    throw TraceError(0, e.what());
  }
  if (doc.is_object() && doc.contains("Datapoints") && doc["Datapoints"].is_array())
    return read_metric_statistics(doc, request);
  if (!doc.is_object() || !doc.contains("MetricDataResults") ||
      !doc["MetricDataResults"].is_array())
    throw TraceError(0,
                     "not the output of aws cloudwatch get-metric-data (no MetricDataResults) "
                     "or get-metric-statistics (no Datapoints)" +
                         what_aws_output_is(doc, {"MetricDataResults", "Datapoints"}) +
                         other_series_json(doc));
  const auto& results = doc["MetricDataResults"];
  std::vector<MetricDataResult> listed;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    const std::string where = "MetricDataResults[" + std::to_string(i) + "]";
    if (!r.is_object()) throw TraceError(0, where + " is not an object");
    listed.push_back({string_member(r, "Id", where), string_member(r, "Label", where),
                      string_member(r, "StatusCode", where)});
  }
  const std::vector<MetricDataSeries> series = group_metric_data(listed);
  std::vector<const MetricDataSeries*> matches;
  std::string ids;
  for (const MetricDataSeries& s : series) {
    ids += (ids.empty() ? "\"" : ", \"") + s.id + "\"";
    if (request.metric.empty() ? series.size() == 1
                               : (s.id == request.metric || s.label == request.metric))
      matches.push_back(&s);
  }
  if (matches.size() != 1)
    throw TraceError(
        0, (request.metric.empty() ? std::string("several results; choose one with \"metric\"")
            : matches.empty()
                ? "no result with Id or Label \"" + request.metric + "\""
                : "several results have the Id or Label \"" + request.metric + "\"; give an Id") +
               " (Ids: " + ids + ")");
  const MetricDataSeries& chosen = *matches.front();
  const auto next_token = doc.find("NextToken");
  if (const auto gap = metric_data_gap(chosen, next_token != doc.end() && next_token->is_string() &&
                                                   !next_token->get<std::string>().empty()))
    throw TraceError(0, *gap);
  TraceColumns samples;
  samples.iso = true;
  samples.metric = chosen.label.empty() ? chosen.id : chosen.label;
  for (const std::size_t index : chosen.results) {
    const auto& result = results[index];
    const std::string where = "MetricDataResults[" + std::to_string(index) + "]";
    const auto times = result.find("Timestamps");
    const auto values = result.find("Values");
    if (times == result.end() || values == result.end() || !times->is_array() ||
        !values->is_array() || times->size() != values->size())
      throw TraceError(0, where + ": Timestamps and Values must be arrays of the same length");
    for (std::size_t i = 0; i < times->size(); ++i) {
      const auto& time = (*times)[i];
      const auto& value = (*values)[i];
      const auto epoch = time.is_string() ? parse_iso8601(time.get<std::string>()) : std::nullopt;
      if (!epoch)
        throw TraceError(0,
                         where + ".Timestamps[" + std::to_string(i) + "] is not an ISO-8601 time");
      if (!value.is_number() || value.get<double>() < 0)
        throw TraceError(0,
                         where + ".Values[" + std::to_string(i) + "] is not a non-negative number");
      add(samples, *epoch, value.get<double>());
    }
  }
  samples.statistic =
      request.statistic.empty() ? statistic_named_in(chosen.label) : request.statistic;
  if (samples.statistic.empty())
    throw TraceError(
        0, "get-metric-data output does not say which statistic its query used (Label \"" +
               chosen.label +
               "\"): give \"statistic\". Export ConsumedLCUs with the Average (or Sum) "
               "statistic over 60-second periods: a Sum over 5 minutes adds up five minutes' "
               "LCU, 5 times the load (docs/real-data.md has the command)");
  return samples;
}

}  // namespace albsim
