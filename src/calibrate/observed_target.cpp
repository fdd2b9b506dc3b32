#include "calibrate/observed_target.hpp"

#include <algorithm>
#include <set>

#include "albsim/input_error.hpp"
#include "core/calendar.hpp"
#include "observe/observe.hpp"
#include "observe/observed_lb.hpp"
#include "observe/replay.hpp"

namespace albsim {

namespace {

const char* const kHowToWindow =
    "make the scenario's start and horizon the observed window (--set /start=... --set "
    "/horizon=...) and its demand that window's";

}  // namespace

std::size_t observed_load_balancer(const Scenario& scenario, const Observation& observation,
                                   const std::optional<std::string>& lb_option) {
  if (lb_option) return *ObservedLbResolver(scenario, lb_option).chosen();
  std::set<std::size_t> seen;
  for (const ObservedHolding& h : observation.holdings) seen.insert(h.lb);
  if (seen.size() == 1) return *seen.begin();
  std::string ids;
  for (const std::size_t i : seen) ids += (ids.empty() ? "" : ", ") + scenario.load_balancers[i].id;
  throw InputError("--lb", "",
                   "the observation holds addresses of " + std::to_string(seen.size()) +
                       " load balancers (" + ids + "); name the one to calibrate with --lb");
}

void require_start(const Scenario& scenario, const std::string& scenario_path) {
  if (!scenario.start_epoch_ms)
    throw InputError(scenario_path, "/start",
                     std::string("calibrate needs the scenario's start: ") + kHowToWindow);
}

void check_calibration_window(const Scenario& scenario, const ObservedWindow& window) {
  const std::int64_t from = *scenario.start_epoch_ms, to = from + scenario.horizon.ms();
  if (window.from_ms != from || window.to_ms != to)
    throw InputError(window.from_ms != from ? "--from" : "--to",
                     format_iso8601_utc(window.from_ms != from ? window.from_ms : window.to_ms),
                     "calibrate simulates the scenario's own window, " + format_iso8601_utc(from) +
                         " .. " + format_iso8601_utc(to) + ": " + kHowToWindow);
}

std::vector<HeldInterval> held_intervals(const Observation& observation, std::size_t lb,
                                         const ObservedWindow& window) {
  std::vector<HeldInterval> out;
  for (const ObservedHolding& h : observation.holdings) {
    if (h.lb != lb || h.to_ms <= window.from_ms || h.from_ms >= window.to_ms) continue;
    out.push_back({std::max<std::int64_t>(0, h.from_ms - window.from_ms),
                   h.to_ms >= window.to_ms ? kHeldToTheEnd : h.to_ms - window.from_ms});
  }
  return out;
}

CalibrationTarget observed_target(const Scenario& scenario, std::size_t lb,
                                  const Observation& observation, const ObservedWindow& window) {
  CalibrationTarget target;
  target.count = observation.shows_dns   ? NodeCount::in_dns
                 : observation.azs_known ? NodeCount::held_per_az
                                         : NodeCount::held;
  target.step =
      observation.sampling_ms > 0
          ? SimTime::from_seconds(std::max<std::int64_t>(1, (observation.sampling_ms + 500) / 1000))
          : scenario.load_balancers[lb].evaluation_interval;
  target.resolution = std::max(target.step, SimTime::from_ms(observation.sampling.grid_ms));
  NodeSeriesCollector nodes(lb, target.count);
  replay_observation(scenario, observation, window, target.step, &nodes);
  target.nodes = nodes.take();
  target.intervals = held_intervals(observation, lb, window);
  target.source = observation;
  target.source.holdings.clear();
  target.window = window;
  const Coverage covered = coverage_of(observation, window);
  const auto sample_at_or_after = [&](std::int64_t t) {
    const std::int64_t step = target.step.ms(), from = t - window.from_ms;
    return static_cast<std::size_t>(std::max<std::int64_t>(0, (from + step - 1) / step));
  };
  target.first_sample = sample_at_or_after(covered.window.from_ms);
  target.end_sample = std::min(target.nodes.rows.size(), sample_at_or_after(covered.window.to_ms));
  return target;
}

std::string count_name(NodeCount count) {
  switch (count) {
    case NodeCount::held_per_az:
      return "addresses held, per AZ";
    case NodeCount::held:
      return "addresses held, in total";
    case NodeCount::in_dns:
      return "addresses in DNS answers";
  }
  return "";
}

}  // namespace albsim
