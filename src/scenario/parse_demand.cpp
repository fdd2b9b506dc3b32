#include "scenario/parse_demand.hpp"

#include <filesystem>
#include <memory>

#include "core/calendar.hpp"
#include "demand/lcu_conversion.hpp"
#include "io/trace_loader.hpp"
#include "io/trace_resample.hpp"
#include "scenario/trace_inputs.hpp"

namespace albsim {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kMinBlockMs = 60'000;
constexpr std::int64_t kMaxBlocks = 1'000'000;

TimeUnit parse_time_unit(const JsonReader& t) {
  TimeUnit unit;
  if (!t.has("time_unit")) {
    if (t.has("step")) t.at("step").fail("\"step\" goes with \"time_unit\": \"index\"");
    return unit;
  }
  unit.name = t.at("time_unit").choice({"ms", "s", "m", "h", "index", "unix_s", "unix_ms"});
  unit.index = unit.name == "index";
  if (unit.name == "unix_s" || unit.name == "unix_ms") {  // Prometheus, Grafana: dates
    if (t.has("step")) t.at("step").fail("\"step\" goes with \"time_unit\": \"index\"");
    unit.epoch = true;
    unit.unit_ms = unit.name == "unix_s" ? 1000 : 1;
    return unit;
  }
  if (unit.index) {
    if (!t.has("step"))
      t.at("time_unit").fail("\"index\" needs \"step\", the time between rows (like \"1m\")");
    unit.unit_ms = t.at("step").duration().ms();
    if (unit.unit_ms == 0) t.at("step").fail("must be greater than 0");
  } else {
    if (t.has("step")) t.at("step").fail("\"step\" goes with \"time_unit\": \"index\"");
    unit.unit_ms = unit.name == "ms"  ? 1
                   : unit.name == "s" ? 1000
                   : unit.name == "m" ? 60'000
                                      : 3'600'000;
  }
  return unit;
}

// `lcu` of a trace: the columns (CSV) into `request.lcu`, and the factors into the conversion
// the reader applies (events: the per-request factors only).
void parse_lcu(const JsonReader& l, bool events, TraceRequest& request, LcuFactors& factors) {
  if (events)
    l.expect_object({"new_connections_per_request", "rule_evaluations_per_request"});
  else
    l.expect_object({"requests_column", "bytes_column", "active_connections_column",
                     "new_connections_per_request", "rule_evaluations_per_request",
                     "bytes_per_gb"});
  if (!events) {
    LcuColumns& c = request.lcu.emplace();
    c.requests_column = l.at("requests_column").identifier();
    c.bytes_column = l.string_if("bytes_column").value_or("");
    c.active_connections_column = l.string_if("active_connections_column").value_or("");
    factors.bytes_per_gb = l.positive_or("bytes_per_gb", factors.bytes_per_gb);
  }
  factors.new_connections_per_request = l.non_negative_or("new_connections_per_request", 1);
  factors.rule_evaluations_per_request = l.non_negative_or("rule_evaluations_per_request", 0);
}

TraceRequest trace_request(const JsonReader& t, const std::string& file) {
  TraceRequest request;
  request.path = scenario_relative_path(t.file(), file);
  if (t.has("format")) {
    const std::string format = t.at("format").choice({"csv", "events", "cloudwatch"});
    request.format = format == "cloudwatch" ? TraceRequest::Format::cloudwatch
                     : format == "events"   ? TraceRequest::Format::events
                                            : TraceRequest::Format::csv;
  } else if (std::filesystem::path(file).extension() == ".json") {
    request.format = TraceRequest::Format::cloudwatch;
  }
  const bool cloudwatch = request.format == TraceRequest::Format::cloudwatch;
  const bool events = request.format == TraceRequest::Format::events;
  LcuFactors factors;
  if (cloudwatch) {
    for (const char* key : {"time_column", "time_unit", "step", "value_column"})
      if (t.has(key))
        t.at(key).fail(std::string("\"") + key +
                       "\" is for CSV traces; CloudWatch output has ISO-8601 timestamps");
  } else {
    for (const char* key : {"metric", "statistic"})
      if (t.has(key))
        t.at(key).fail(std::string("\"") + key + "\" is for CloudWatch output (format cloudwatch)");
  }
  if (events && t.has("value_column"))
    t.at("value_column").fail("an events trace has no values: each row is one request");
  request.time_column = t.string_if("time_column").value_or("");
  request.time_unit = parse_time_unit(t);
  if (t.has("time_zone")) {
    if (cloudwatch) t.at("time_zone").fail("CloudWatch output has its zone in every timestamp");
    const std::string zone = t.at("time_zone").string();
    const auto midnight = parse_iso8601("1970-01-01T00:00:00" + zone);  // "Z", "UTC", "+02:00"
    if (!midnight || zone.empty())
      t.at("time_zone")
          .fail("\"" + t.at("time_zone").string() +
                "\" is not a zone albsim reads: give \"Z\" (or \"UTC\") or a fixed offset like "
                "\"+02:00\"; a named zone (Europe/Paris) changes its offset with daylight saving "
                "time, so export UTC times, or split the file at the change");
    request.utc_offset_ms = -*midnight;
  }
  request.value_column = t.string_if("value_column").value_or("");
  request.metric = t.string_if("metric").value_or("");
  if (t.has("statistic"))
    request.statistic =
        t.at("statistic").choice({"Sum", "Average", "Maximum", "Minimum", "SampleCount"});
  request.scale = t.non_negative_or("scale", 1);
  if (t.has("gaps")) {
    if (events) t.at("gaps").fail("an events trace has no gaps: a bin without requests is 0");
    request.gaps_zero = t.at("gaps").choice({"hold", "zero"}) == "zero";
    if (cloudwatch && !request.gaps_zero)
      t.at("gaps").fail(
          "CloudWatch lists no datapoint for a period without data: its gaps are no traffic "
          "(\"zero\")");
  }
  if (t.has("period")) {
    request.period_ms = t.at("period").duration().ms();
    if (*request.period_ms == 0) t.at("period").fail("must be greater than 0");
  }
  if (t.has("lcu")) {
    if (cloudwatch)
      t.at("lcu").fail(
          "the LCU conversion reads CSV columns; use a CloudWatch ConsumedLCUs trace, or "
          "\"scale\"");
    parse_lcu(t.at("lcu"), events, request, factors);
  } else if (!cloudwatch && !events && request.value_column.empty()) {
    t.fail("a CSV trace needs \"value_column\" (LCU per sample) or an \"lcu\" conversion");
  }
  request.to_lcu = sample_to_lcu(factors);
  return request;
}

// A CloudWatch series as LCU per minute, the unit ConsumedLCUs is published in: a Sum over
// periods of several minutes adds their minutes up, so each is divided by its minutes (the
// period's mean, exactly); SampleCount counts datapoints, not load, and is refused. A trace with
// "scale" converts its own values (RequestCount) and is left as it is.
TraceSeries as_lcu_per_minute(const JsonReader& t, TraceSeries s) {
  if (s.statistic == "SampleCount")
    t.fail(
        "SampleCount counts datapoints, not load: export ConsumedLCUs with the Average or Sum "
        "statistic");
  if (s.statistic != "Sum" || t.has("scale") || s.file_period_ms <= kMinuteMs) return s;
  if (s.file_period_ms % kMinuteMs != 0)
    t.fail("a Sum over " + short_duration(s.file_period_ms) +
           " periods cannot be read as LCU per minute; export 60-second (or whole-minute) "
           "periods");
  s.summed_minutes = s.file_period_ms / kMinuteMs;
  for (double& v : s.values) v /= static_cast<double>(s.summed_minutes);
  return s;
}

// How the trace's values became LCU, in words, for the report's `inputs` and its stderr line.
std::string to_lcu_words(const JsonReader& t, const TraceRequest& request, const TraceSeries& s) {
  std::string words;
  if (request.format == TraceRequest::Format::cloudwatch) {
    words = s.statistic + " per " + short_duration(s.file_period_ms);
    words += s.summed_minutes > 0
                 ? " / " + std::to_string(s.summed_minutes) + " (each period's mean LCU per minute)"
                 : " as LCU";
  } else if (request.lcu || request.format == TraceRequest::Format::events) {
    const nlohmann::json lcu = t.has("lcu") ? t.at("lcu").json() : nlohmann::json::object();
    words = std::string(request.lcu ? "LCU from requests" : "LCU from the requests of each bin") +
            (request.lcu && !request.lcu->bytes_column.empty() ? ", bytes" : "") +
            (request.lcu && !request.lcu->active_connections_column.empty() ? ", active connections"
                                                                            : "") +
            " (new connections per request " +
            short_number(lcu.value("new_connections_per_request", 1.0)) +
            ", rule evaluations per request " +
            short_number(lcu.value("rule_evaluations_per_request", 0.0)) + ")";
  } else {
    words = "column \"" + request.value_column + "\" as LCU";
  }
  if (t.has("scale")) words += " x " + short_number(request.scale);
  return words;
}

// The trace time at t = 0: ISO-8601 (for ISO traces), or a duration after the first sample.
std::int64_t parse_align(const JsonReader& a, const TraceSeries& series) {
  const auto epoch = a.json().is_string() ? parse_iso8601(a.string()) : std::nullopt;
  if (!epoch) return series.times_ms.front() + a.duration().ms();
  if (!series.epoch_times)
    a.fail("an ISO-8601 align needs ISO-8601 timestamps; give an offset from the first sample");
  return *epoch;
}

// The whole blocks of the trace from `anchor_ms`, sorted into weekday and weekend ones.
TraceBootstrap parse_bootstrap(const JsonReader& b, const TraceSeries& series,
                               std::int64_t anchor_ms, SimTime evaluation_interval) {
  b.expect_object({"block", "weekdays"});
  TraceBootstrap out;
  out.block_ms = b.at("block").duration().ms();
  if (out.block_ms == 0) b.at("block").fail("must be greater than 0");
  out.weekdays = b.has("weekdays") && b.at("weekdays").boolean();
  if (out.weekdays && out.block_ms != kDayMs)
    b.at("weekdays").fail("weekdays are drawn by the day: give \"block\": \"1d\"");
  if (out.weekdays && !series.epoch_times)
    b.at("weekdays").fail("weekdays need ISO-8601 timestamps to know each day's weekday");
  if (out.block_ms < std::max<std::int64_t>(evaluation_interval.ms(), kMinBlockMs))
    b.at("block").fail("a block must be at least 1 minute and at least the evaluation interval");
  const std::int64_t end = series.times_ms.back() + series.period_ms;
  if ((end - anchor_ms) / out.block_ms > kMaxBlocks)
    b.at("block").fail(
        "the trace holds more than 1,000,000 blocks of this length; use longer ones");
  for (std::int64_t from = anchor_ms; from + out.block_ms <= end; from += out.block_ms) {
    const bool weekend = out.weekdays && utc_day_position(from).weekend;
    (weekend ? out.weekend_blocks : out.weekday_blocks).push_back(from);
  }
  if (out.weekday_blocks.empty() && out.weekend_blocks.empty())
    b.at("block").fail("the trace (from its align) holds no whole block of this length");
  if (out.weekdays && (out.weekday_blocks.empty() || out.weekend_blocks.empty()))
    b.at("weekdays")
        .fail(std::string("the trace holds no whole ") +
              (out.weekday_blocks.empty() ? "weekday" : "weekend day") +
              " to draw from; drop \"weekdays\"");
  return out;
}

// Where a fixed draw of the trace starts (trace time at t = 0): `align` when given; else, for
// ISO-8601 times, the scenario's start, which must lie inside the trace, so that every row is
// labelled with the date it plays; else the first sample.
std::int64_t fixed_align(const JsonReader& t, const TraceSeries& series,
                         std::optional<std::int64_t> start_epoch_ms) {
  if (t.has("align")) return parse_align(t.at("align"), series);
  const std::int64_t first = series.times_ms.front();
  if (!series.epoch_times || !start_epoch_ms) return first;
  const std::int64_t end = series.times_ms.back() + series.period_ms;
  if (*start_epoch_ms < first || *start_epoch_ms >= end)
    t.fail("the scenario's start, " + format_iso8601_utc(*start_epoch_ms) +
           ", is outside the trace, which covers " + format_iso8601_utc(first) + " to " +
           format_iso8601_utc(end) +
           "; an ISO-timed trace plays at its own dates: move /start inside it, or give "
           "\"align\" (the trace time to play at the start)");
  return *start_epoch_ms;
}

TraceSpec parse_trace(const JsonReader& t, TraceCache& traces, SimTime evaluation_interval,
                      std::optional<std::int64_t> start_epoch_ms) {
  t.expect_object({"file", "format", "time_column", "time_unit", "time_zone", "step",
                   "value_column", "metric", "statistic", "scale", "align", "loop", "period", "lcu",
                   "aggregate", "gaps", "bootstrap"});
  const std::string file = t.at("file").identifier();
  const TraceRequest request = trace_request(t, file);
  TraceSpec spec;
  spec.file = file;
  spec.format = request.format == TraceRequest::Format::cloudwatch ? "cloudwatch"
                : request.format == TraceRequest::Format::events   ? "events"
                                                                   : "csv";
  // Events have no "last sample": their default is the rate over each interval.
  spec.aggregate_given = t.has("aggregate");
  spec.gaps_given = t.has("gaps");
  spec.scale_given = t.has("scale");
  const std::string aggregate =
      spec.aggregate_given ? t.at("aggregate").choice({"last", "mean", "max"})
                           : (request.format == TraceRequest::Format::events ? "mean" : "last");
  spec.aggregate = aggregate == "mean"  ? TraceAggregate::mean
                   : aggregate == "max" ? TraceAggregate::max
                                        : TraceAggregate::last;
  nlohmann::json shaping = t.json();  // what decides the file's series
  for (const char* key : {"align", "loop", "aggregate", "bootstrap"}) shaping.erase(key);
  const std::string key = request.path + "\n" + shaping.dump();
  std::shared_ptr<const TraceSeries> fine;
  if (const auto cached = traces.find(key); cached != traces.end()) {
    fine = cached->second;
  } else {
    try {
      fine = std::make_shared<const TraceSeries>(as_lcu_per_minute(t, load_trace(request)));
    } catch (const TraceError& e) {
      t.at("file").fail(file + (e.line > 0 ? " line " + std::to_string(e.line) : "") + ": " +
                        e.what());
    }
    traces.emplace(key, fine);
  }
  spec.random_align = t.has("align") && t.at("align").json() == "random";
  // Random draws and bootstrap blocks claim no dates: they start from the first sample (or a
  // bootstrap's `align`), not from the scenario's start.
  spec.align_ms = spec.random_align
                      ? fine->times_ms.front()
                      : fixed_align(t, *fine, t.has("bootstrap") ? std::nullopt : start_epoch_ms);
  spec.loop = spec.random_align || (t.has("loop") && t.at("loop").boolean());
  if (t.has("bootstrap")) {
    if (spec.random_align)
      t.at("bootstrap").fail("give either a random \"align\" or \"bootstrap\", not both");
    if (t.has("loop"))
      t.at("loop").fail("a bootstrap fills the whole horizon with drawn blocks; drop \"loop\"");
  }
  spec.series = fine;
  spec.to_lcu = to_lcu_words(t, request, *fine);
  if (spec.aggregate != TraceAggregate::last) {
    const std::string reduced_key = key + "\n" + aggregate + " from " +
                                    std::to_string(spec.align_ms) + " every " +
                                    std::to_string(evaluation_interval.ms());
    if (const auto cached = traces.find(reduced_key); cached != traces.end()) {
      spec.series = cached->second;
    } else {
      spec.series = std::make_shared<const TraceSeries>(
          resample_trace(*fine, spec.aggregate, spec.align_ms, evaluation_interval.ms()));
      traces.emplace(reduced_key, spec.series);
    }
  }
  if (t.has("bootstrap"))
    spec.bootstrap =
        parse_bootstrap(t.at("bootstrap"), *spec.series, spec.align_ms, evaluation_interval);
  return spec;
}

}  // namespace

std::string scenario_relative_path(const std::string& scenario_file, const std::string& path) {
  const std::filesystem::path p(path);
  return p.is_absolute() ? path : (std::filesystem::path(scenario_file).parent_path() / p).string();
}

DemandSpec parse_demand(const JsonReader& d, TraceCache& traces, SimTime evaluation_interval,
                        std::optional<std::int64_t> start_epoch_ms) {
  d.expect_object(
      {"constant", "steps", "diurnal", "trace", "growth_per_30d", "noise", "placeholder"});
  // `albsim import terraform` marks demand the plan does not say; nothing runs on a guess.
  if (d.has("placeholder")) {
    const JsonReader placeholder = d.at("placeholder");
    placeholder.fail(
        "demand not filled in" +
        (placeholder.json().is_string() ? " (" + placeholder.json().get<std::string>() + ")"
                                        : std::string()) +
        ": write a demand here, or run with --set '" + d.pointer() + "={\"constant\": 40}' (LCU)");
  }
  DemandSpec demand;
  int forms = 0;
  for (const char* key : {"constant", "steps", "diurnal", "trace"}) forms += d.has(key) ? 1 : 0;
  if (forms != 1)
    d.fail("give exactly one of \"constant\", \"steps\", \"diurnal\", \"trace\" (found " +
           std::to_string(forms) + ")");
  if (d.has("noise")) {
    const JsonReader noise = d.at("noise");
    noise.expect_object({"sigma"});
    const JsonReader sigma = noise.at("sigma");
    demand.noise_sigma = sigma.non_negative();
    // Above 3 the median multiplier exp(-sigma^2 / 2) is below 1.2%: demand sits near zero at
    // almost every point, the mark of a percentage typed for a fraction (50 for 0.5).
    if (demand.noise_sigma > 3)
      sigma.fail("must be at most 3 (found " + sigma.json().dump() +
                 "): sigma is the standard deviation of log demand, 0.1 is about 10% a point; "
                 "write a fraction (0.5, not 50)");
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
    demand.trace = parse_trace(d.at("trace"), traces, evaluation_interval, start_epoch_ms);
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
