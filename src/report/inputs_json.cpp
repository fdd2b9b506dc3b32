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
    list.push_back(Json{{"load_balancer", t.lb},
                        {"file", t.file},
                        {"format", t.format},
                        {"rows", t.rows},
                        {"first", time(t.first_ms)},
                        {"last", time(t.last_ms)},
                        {"file_period_s", static_cast<double>(t.file_period_ms) / 1000.0},
                        {"aggregate", t.aggregate},
                        {"period_s", static_cast<double>(t.period_ms) / 1000.0},
                        {"span_s", static_cast<double>(t.span_ms) / 1000.0},
                        {"peak_lcu", t.peak_lcu},
                        {"mean_lcu", t.mean_lcu},
                        {"draw", t.draw},
                        {"restarts", t.restarts}});
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
