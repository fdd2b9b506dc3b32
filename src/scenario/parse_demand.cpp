#include "scenario/parse_demand.hpp"

#include <filesystem>
#include <memory>

#include "core/calendar.hpp"
#include "io/trace_loader.hpp"

namespace albsim {
namespace {

TraceSpec parse_trace(const JsonReader& t, TraceCache& traces) {
  t.expect_object({"file", "format", "time_column", "value_column", "metric", "statistic", "scale",
                   "align", "loop", "period", "lcu"});
  TraceRequest request;
  const std::string file = t.at("file").identifier();
  const std::filesystem::path relative(file);
  request.path = scenario_relative_path(t.file(), file);
  if (t.has("format"))
    request.format = t.at("format").choice({"csv", "cloudwatch"}) == "cloudwatch"
                         ? TraceRequest::Format::cloudwatch
                         : TraceRequest::Format::csv;
  else if (relative.extension() == ".json")
    request.format = TraceRequest::Format::cloudwatch;
  const bool csv = request.format == TraceRequest::Format::csv;
  request.time_column = t.string_if("time_column").value_or("");
  request.value_column = t.string_if("value_column").value_or("");
  request.metric = t.string_if("metric").value_or("");
  if (t.has("statistic"))
    request.statistic =
        t.at("statistic").choice({"Sum", "Average", "Maximum", "Minimum", "SampleCount"});
  request.scale = t.non_negative_or("scale", 1);
  if (t.has("period")) {
    request.period_ms = t.at("period").duration().ms();
    if (*request.period_ms == 0) t.at("period").fail("must be greater than 0");
  }
  if (t.has("lcu")) {
    if (!csv)
      t.at("lcu").fail(
          "the LCU conversion reads CSV columns; use a CloudWatch ConsumedLCUs trace, or "
          "\"scale\"");
    const JsonReader l = t.at("lcu");
    l.expect_object({"requests_column", "bytes_column", "active_connections_column",
                     "new_connections_per_request", "rule_evaluations_per_request",
                     "bytes_per_gb"});
    LcuConversion c;
    c.requests_column = l.at("requests_column").identifier();
    c.bytes_column = l.string_if("bytes_column").value_or("");
    c.active_connections_column = l.string_if("active_connections_column").value_or("");
    c.new_connections_per_request = l.non_negative_or("new_connections_per_request", 1);
    c.rule_evaluations_per_request = l.non_negative_or("rule_evaluations_per_request", 0);
    c.bytes_per_gb = l.positive_or("bytes_per_gb", c.bytes_per_gb);
    request.lcu = c;
  } else if (csv && request.value_column.empty()) {
    t.fail("a CSV trace needs \"value_column\" (LCU per sample) or an \"lcu\" conversion");
  }
  TraceSpec spec;
  nlohmann::json shaping = t.json();  // what decides the series: not align, not loop
  shaping.erase("align");
  shaping.erase("loop");
  const std::string key = request.path + "\n" + shaping.dump();
  if (const auto cached = traces.find(key); cached != traces.end()) {
    spec.series = cached->second;
  } else {
    try {
      spec.series = std::make_shared<const TraceSeries>(load_trace(request));
    } catch (const TraceError& e) {
      t.at("file").fail(file + (e.line > 0 ? " line " + std::to_string(e.line) : "") + ": " +
                        e.what());
    }
    traces.emplace(key, spec.series);
  }
  spec.align_ms = spec.series->times_ms.front();
  if (t.has("align")) {
    const JsonReader a = t.at("align");
    const auto epoch = a.json().is_string() ? parse_iso8601(a.string()) : std::nullopt;
    if (epoch) {
      if (!spec.series->epoch_times)
        a.fail("an ISO-8601 align needs ISO-8601 timestamps; give an offset from the first sample");
      spec.align_ms = *epoch;
    } else {
      spec.align_ms += a.duration().ms();
    }
  }
  spec.loop = t.has("loop") && t.at("loop").boolean();
  return spec;
}

}  // namespace

std::string scenario_relative_path(const std::string& scenario_file, const std::string& path) {
  const std::filesystem::path p(path);
  return p.is_absolute() ? path : (std::filesystem::path(scenario_file).parent_path() / p).string();
}

DemandSpec parse_demand(const JsonReader& d, TraceCache& traces) {
  d.expect_object({"constant", "steps", "diurnal", "trace", "growth_per_30d", "noise"});
  DemandSpec demand;
  int forms = 0;
  for (const char* key : {"constant", "steps", "diurnal", "trace"}) forms += d.has(key) ? 1 : 0;
  if (forms != 1)
    d.fail("give exactly one of \"constant\", \"steps\", \"diurnal\", \"trace\" (found " +
           std::to_string(forms) + ")");
  if (d.has("noise")) {
    const JsonReader noise = d.at("noise");
    noise.expect_object({"sigma"});
    demand.noise_sigma = noise.at("sigma").non_negative();
  }
  if (d.has("constant")) {
    demand.kind = DemandSpec::Kind::constant;
    demand.constant = d.at("constant").non_negative();
  } else if (d.has("steps")) {
    demand.kind = DemandSpec::Kind::steps;
    const JsonReader steps = d.at("steps");
    for (std::size_t i = 0; i < steps.array_size(); ++i) {
      const JsonReader step = steps.element(i);
      if (step.array_size() != 2) step.fail("a step is [time, value], like [\"2h\", 300]");
      const SimTime at = step.element(0).duration();
      if (!demand.steps.empty() && at <= demand.steps.back().first)
        step.element(0).fail("step times must increase strictly");
      demand.steps.emplace_back(at, step.element(1).non_negative());
    }
  } else if (d.has("trace")) {
    demand.kind = DemandSpec::Kind::trace;
    demand.trace = parse_trace(d.at("trace"), traces);
  } else {
    demand.kind = DemandSpec::Kind::diurnal;
    const JsonReader di = d.at("diurnal");
    di.expect_object({"base", "amplitude", "peak_hour", "weekend_factor"});
    demand.diurnal.base = di.at("base").non_negative();
    demand.diurnal.amplitude = di.non_negative_or("amplitude", 0);
    if (demand.diurnal.amplitude > 1) di.at("amplitude").fail("must be between 0 and 1");
    demand.diurnal.peak_hour = di.non_negative_or("peak_hour", 0);
    if (demand.diurnal.peak_hour >= 24) di.at("peak_hour").fail("must be an hour in [0, 24)");
    demand.diurnal.weekend_factor = di.non_negative_or("weekend_factor", 1);
  }
  if (d.has("growth_per_30d")) {
    demand.growth_per_30d = d.at("growth_per_30d").number();
    if (demand.growth_per_30d <= -1) d.at("growth_per_30d").fail("must be greater than -1");
  }
  return demand;
}

}  // namespace albsim
