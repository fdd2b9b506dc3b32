#include "scenario/trace_inputs.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/calendar.hpp"
#include "demand/demand_profile.hpp"
#include "scenario/demand_bound.hpp"

namespace albsim {
namespace {

constexpr double kImplausibleLcu = 10'000;
constexpr std::size_t kScanBlock = 4096;

bool mentions_lcu(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name.find("lcu") != std::string::npos;
}

std::string trace_time(std::int64_t ms, bool epoch) {
  return epoch ? format_iso8601_utc(ms) : short_duration(ms);
}

std::string aggregate_name(TraceAggregate a) {
  return a == TraceAggregate::mean ? "mean" : a == TraceAggregate::max ? "max" : "last";
}

std::string draw_name(const TraceSpec& t) {
  if (t.random_align) return "random align";
  if (!t.bootstrap) return "fixed";
  const TraceBootstrap& b = *t.bootstrap;
  std::string out = "bootstrap of " + short_duration(b.block_ms) + " blocks (" +
                    std::to_string(b.weekday_blocks.size() + b.weekend_blocks.size()) +
                    " in the trace";
  if (b.weekdays)
    out += ": " + std::to_string(b.weekday_blocks.size()) + " weekdays, " +
           std::to_string(b.weekend_blocks.size()) + " weekend days, each drawn from its kind";
  return out + ")";
}

TraceInput describe(const LoadBalancerSpec& lb, SimTime horizon) {
  const TraceSpec& t = lb.demand.trace;
  const TraceSeries& s = *t.series;
  TraceInput in;
  in.lb = lb.id;
  in.file = t.file;
  in.format = t.format;
  in.metric = s.metric;
  in.statistic = s.statistic;
  in.to_lcu = t.to_lcu;
  in.plays_from_ms = t.align_ms;
  in.rows = s.rows;
  in.first_ms = s.times_ms.front();
  in.last_ms = s.times_ms.back();
  in.epoch_times = s.epoch_times;
  in.file_period_ms = s.file_period_ms;
  in.aggregate = aggregate_name(t.aggregate);
  in.period_ms = s.period_ms;
  in.span_ms = in.last_ms - in.first_ms + s.period_ms;
  double weighted = 0;
  for (std::size_t i = 0; i < s.values.size(); ++i) {
    const std::int64_t until =
        i + 1 < s.values.size() ? s.times_ms[i + 1] : in.last_ms + s.period_ms;
    weighted += s.values[i] * static_cast<double>(until - s.times_ms[i]);
    in.peak_lcu = std::max(in.peak_lcu, s.values[i]);
  }
  in.mean_lcu = weighted / static_cast<double>(in.span_ms);
  in.gaps = s.gaps;
  in.longest_gap_ms = s.longest_gap_ms;
  in.gap_rule = s.gaps_zero ? "zero" : "hold";
  in.draw = draw_name(t);
  if (t.loop && !t.bootstrap) {
    const std::int64_t offset =
        t.random_align ? 0 : std::max<std::int64_t>(0, t.align_ms - in.first_ms);
    in.restarts = (offset + horizon.ms() - 1) / in.span_ms;
  }
  return in;
}

struct Excess {
  double peak = 0;
  std::int64_t above_ms = 0;
  std::int64_t first_ms = -1;
};

// The profile on the evaluation grid (each point held for one interval, cut at the horizon).
Excess scan_above(const LoadBalancerSpec& lb, std::int64_t start_epoch_ms, SimTime horizon,
                  double capacity) {
  const DemandProfile profile(lb.demand, start_epoch_ms, lb.evaluation_interval);
  const std::int64_t step = lb.evaluation_interval.ms();
  const std::int64_t points = (horizon.ms() + step - 1) / step;
  std::vector<double> values(kScanBlock);
  Excess out;
  for (std::int64_t first = 0; first < points; first += static_cast<std::int64_t>(kScanBlock)) {
    const auto count = static_cast<std::size_t>(
        std::min<std::int64_t>(static_cast<std::int64_t>(kScanBlock), points - first));
    profile.fill(SimTime::from_ms(first * step), lb.evaluation_interval,
                 std::span<double>(values.data(), count));
    for (std::size_t i = 0; i < count; ++i) {
      if (values[i] <= capacity) continue;
      const std::int64_t at = (first + static_cast<std::int64_t>(i)) * step;
      out.peak = std::max(out.peak, values[i]);
      out.above_ms += std::min(step, horizon.ms() - at);
      if (out.first_ms < 0) out.first_ms = at;
    }
  }
  return out;
}

class Describer {
 public:
  explicit Describer(Scenario& s) : s_(s) {}

  void run() {
    for (std::size_t i = 0; i < s_.load_balancers.size(); ++i) {
      const LoadBalancerSpec& lb = s_.load_balancers[i];
      const std::string at = "/load_balancers/" + std::to_string(i);
      if (lb.demand.kind == DemandSpec::Kind::trace) trace(lb, at + "/demand/trace");
      capacity(lb, at);
    }
  }

 private:
  void warn(const std::string& pointer, const std::string& text) {
    s_.warnings.push_back(s_.file + ": " + pointer + ": " + text);
  }

  // A CSV with gaps and no "gaps" rule: how many, the longest, and the mean LCU each rule gives.
  void gaps(const TraceSpec& t, const TraceInput& in, const std::string& at) {
    const TraceSeries& s = *t.series;
    double zero_weighted = 0;  // each sample for at most one period
    for (std::size_t i = 0; i < s.values.size(); ++i) {
      const std::int64_t next =
          i + 1 < s.values.size() ? s.times_ms[i + 1] : s.times_ms[i] + s.period_ms;
      zero_weighted +=
          s.values[i] * static_cast<double>(std::min(next - s.times_ms[i], s.period_ms));
    }
    const bool one = in.gaps == 1;
    warn(at, std::to_string(in.gaps) + (one ? " gap" : " gaps") + " between samples (" +
                 (one ? "" : "the longest ") + short_duration(in.longest_gap_ms) +
                 " without one) hold" + (one ? "s" : "") + " the sample before" +
                 (one ? " it" : " each") + ", MODEL.md's rule (mean " + short_number(in.mean_lcu) +
                 " LCU); read as no traffic they give a mean of " +
                 short_number(zero_weighted / static_cast<double>(in.span_ms)) +
                 " LCU. Give \"gaps\": \"zero\" for an export that has no row for a quiet "
                 "period (an access log counted per minute), or \"hold\" to keep the rule");
  }

  void trace(const LoadBalancerSpec& lb, const std::string& at) {
    const TraceSpec& t = lb.demand.trace;
    const TraceInput in = describe(lb, s_.horizon);
    s_.trace_inputs.push_back(in);
    const std::int64_t interval = lb.evaluation_interval.ms();
    if (!t.aggregate_given && t.format != "events" && in.file_period_ms < interval)
      warn(at, "samples every " + short_duration(in.file_period_ms) + " are read once per " +
                   short_duration(interval) +
                   " evaluation (the last sample at each point), so the peak seen depends on "
                   "where the grid falls; give \"aggregate\": \"mean\" (the rate over each "
                   "interval) or \"max\" (its busiest sample, for capacity)");
    if (in.restarts > 1)
      warn(at, "the trace (span " + short_duration(in.span_ms) + ") starts again " +
                   std::to_string(in.restarts) + " times within the horizon (" +
                   short_duration(s_.horizon.ms()) +
                   "), replaying the same traffic; \"align\": \"random\" or a \"bootstrap\" "
                   "turns the history into a distribution");
    if (!t.loop && !t.bootstrap) {
      const std::int64_t ends = in.first_ms + in.span_ms - t.align_ms;  // simulated time
      if (ends < s_.horizon.ms())
        warn(at, "the trace ends " +
                     short_duration(s_.horizon.ms() - std::max<std::int64_t>(ends, 0)) +
                     " before the horizon and its last value (" +
                     short_number(t.series->values.back()) +
                     " LCU) holds to the end; set \"loop\" or shorten the horizon");
      if (t.align_ms < in.first_ms)
        warn(at, "demand is 0 for the first " + short_duration(in.first_ms - t.align_ms) +
                     ": \"align\" falls before the trace's first sample");
    }
    if (in.gaps > 0 && !t.gaps_given && t.format == "csv") gaps(t, in, at);
    if (const std::int64_t missing = t.series->missing_periods;
        missing > 0 && t.format == "cloudwatch")
      warn(at, std::to_string(missing) + " periods of " + short_duration(in.file_period_ms) +
                   " inside the trace have no datapoint and are read as 0: CloudWatch reports "
                   "none for a period without data (for a load balancer, without requests)");
    if (t.format == "cloudwatch" && !t.scale_given && !mentions_lcu(t.series->metric))
      warn(at, "the metric \"" + t.series->metric +
                   "\" is not ConsumedLCUs, yet its values are read as LCU; give \"scale\" (for "
                   "RequestCount summed per period P seconds: 1 / (25 x P)) or a ConsumedLCUs "
                   "trace");
    if (in.peak_lcu > kImplausibleLcu)
      warn(at, "the trace peaks at " + short_number(in.peak_lcu) +
                   " LCU, above 10,000 LCU (more than most load balancers ever see): check "
                   "the file's unit and \"scale\"");
  }

  void capacity(const LoadBalancerSpec& lb, const std::string& at) {
    const double capacity =
        (lb.node_capacity_lcu * (lb.max_nodes_per_az * static_cast<double>(lb.azs.size()))).value();
    const double bound = peak_bound(lb.demand, s_.horizon);
    if (bound <= capacity) return;
    const std::string limit = " LCU, above the " + short_number(capacity) +
                              " LCU that max_nodes_per_az " + std::to_string(lb.max_nodes_per_az) +
                              " x " + std::to_string(lb.azs.size()) + " AZs x node_capacity_lcu " +
                              short_number(lb.node_capacity_lcu.value()) + " can serve";
    const std::string advice = "; the simulation caps the nodes there (raise max_nodes_per_az)";
    const TraceSpec& t = lb.demand.trace;
    if (lb.demand.kind == DemandSpec::Kind::trace && (t.random_align || t.bootstrap)) {
      warn(at + "/max_nodes_per_az", "the trace peaks at " + short_number(bound) + limit + advice);
      return;
    }
    const Excess e =
        scan_above(lb, s_.start_epoch_ms.value_or(kDefaultStartEpochMs), s_.horizon, capacity);
    if (e.above_ms == 0) return;
    warn(at + "/max_nodes_per_az",
         "demand reaches " + short_number(e.peak) + limit + ", for " + short_duration(e.above_ms) +
             " in all (first at t=" + short_duration(e.first_ms) + ")" + advice);
  }

  Scenario& s_;
};

}  // namespace

void describe_trace_inputs(Scenario& scenario) {
  Describer(scenario).run();
}

std::string short_number(double value) {
  char text[48];
  std::snprintf(text, sizeof text, value >= 100 && value < 1e15 ? "%.0f" : "%.3g", value);
  return text;
}

std::string short_duration(std::int64_t ms) {
  if (ms == 0) return "0s";
  static constexpr std::pair<std::int64_t, const char*> kUnits[] = {
      {86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1000, "s"}, {1, "ms"}};
  std::string out = ms < 0 ? "-" : "";
  std::int64_t rest = ms < 0 ? -ms : ms;
  int parts = 0;
  for (const auto& [size, name] : kUnits) {
    if (rest < size || parts == 2) continue;
    out += std::to_string(rest / size) + name;
    rest %= size;
    ++parts;
    if (rest == 0) break;
  }
  return out;
}

std::string trace_input_line(const TraceInput& in) {
  std::string line = "trace " + in.lb + ": " + in.file + ": " + std::to_string(in.rows) +
                     (in.format == "events" ? " requests " : " samples ") +
                     trace_time(in.first_ms, in.epoch_times) + " .. " +
                     trace_time(in.last_ms, in.epoch_times) + " every " +
                     short_duration(in.file_period_ms);
  if (in.aggregate != "last") line += ", " + in.aggregate + " per " + short_duration(in.period_ms);
  line += ", " + in.to_lcu + ", span " + short_duration(in.span_ms) + ", peak " +
          short_number(in.peak_lcu) + " LCU, mean " + short_number(in.mean_lcu) + " LCU, " +
          in.draw;
  if (in.draw == "fixed" && in.plays_from_ms != in.first_ms)
    line += " from " + trace_time(in.plays_from_ms, in.epoch_times);
  if (in.restarts > 0) line += ", restarts " + std::to_string(in.restarts) + "x in the horizon";
  return line;
}

}  // namespace albsim
