#include "report/inputs_json.hpp"

#include "core/calendar.hpp"

namespace albsim {

nlohmann::ordered_json trace_inputs_json(const std::vector<TraceInput>& inputs) {
  using Json = nlohmann::ordered_json;
  Json list = Json::array();
  for (const TraceInput& t : inputs) {
    auto time = [&](std::int64_t ms) {
      return t.epoch_times ? Json(format_iso8601_utc(ms)) : Json(static_cast<double>(ms) / 1000.0);
    };
    Json entry{{"load_balancer", t.lb}, {"file", t.file}, {"format", t.format}};
    if (!t.metric.empty()) entry["metric"] = t.metric;
    if (!t.statistic.empty()) entry["statistic"] = t.statistic;
    entry["to_lcu"] = t.to_lcu;
    entry.update(Json{{"rows", t.rows},
                      {"first", time(t.first_ms)},
                      {"last", time(t.last_ms)},
                      {"file_period_s", static_cast<double>(t.file_period_ms) / 1000.0},
                      {"aggregate", t.aggregate},
                      {"period_s", static_cast<double>(t.period_ms) / 1000.0},
                      {"span_s", static_cast<double>(t.span_ms) / 1000.0},
                      {"peak_lcu", t.peak_lcu},
                      {"mean_lcu", t.mean_lcu},
                      {"gaps",
                       {{"count", t.gaps},
                        {"longest_s", static_cast<double>(t.longest_gap_ms) / 1000.0},
                        {"read_as", t.gap_rule}}},
                      {"draw", t.draw}});
    // Where a fixed draw starts: the trace time the run plays at its t = 0.
    if (t.draw == "fixed") entry["plays_from"] = time(t.plays_from_ms);
    entry["restarts"] = t.restarts;
    list.push_back(std::move(entry));
  }
  return list;
}

std::vector<std::string> report_warnings(const Scenario& scenario) {
  const std::string prefix = scenario.file + ": ";
  std::vector<std::string> out;
  for (const std::string& w : scenario.warnings)
    out.push_back(w.rfind(prefix, 0) == 0 ? w.substr(prefix.size()) : w);
  return out;
}

}  // namespace albsim
