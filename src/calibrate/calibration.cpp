#include "calibrate/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "calibrate/fit_runs.hpp"
#include "calibrate/replacement_fit.hpp"

namespace albsim {
namespace {

constexpr double kChiSquare95 = 3.841;
constexpr int kMaxSweeps = 5;

std::vector<SimTime> seconds_grid(std::initializer_list<int> seconds) {
  std::vector<SimTime> grid;
  for (const int s : seconds) grid.push_back(SimTime::from_seconds(s));
  return grid;
}

const std::vector<SimTime> kLaunchDelays =
    seconds_grid({0, 15, 30, 45, 60, 90, 120, 150, 180, 240, 300, 420, 600});
const std::vector<SimTime> kCooldowns =
    seconds_grid({0, 60, 120, 180, 300, 420, 600, 720, 900, 1200, 1500, 1800, 2700, 3600});

// The capacity minimising the error: a geometric grid of 5% steps `steps` either side of the
// current value (72: a factor of 33), then golden-section search in log space between the best
// point's neighbours.
double fit_capacity(FitRuns& runs, ModelParameters p, int steps) {
  const auto error_at = [&](double capacity) {
    p.node_capacity_lcu = capacity;
    return runs.error(p);
  };
  const double start = p.node_capacity_lcu, ratio = 1.05;
  double best = start, best_error = error_at(best);
  for (int k = -steps; k <= steps; ++k) {
    const double c = start * std::pow(ratio, k);
    const double e = error_at(c);
    if (e < best_error) best = c, best_error = e;
  }
  double lo = std::log(best / ratio), hi = std::log(best * ratio);
  const double golden = (std::sqrt(5.0) - 1) / 2;
  for (int i = 0; i < 14; ++i) {
    const double a = hi - golden * (hi - lo), b = lo + golden * (hi - lo);
    if (error_at(std::exp(a)) <= error_at(std::exp(b)))
      hi = b;
    else
      lo = a;
  }
  const double refined = std::exp((lo + hi) / 2);
  return error_at(refined) <= best_error ? refined : best;
}

// The value of `grid` minimising the error (the first of equals), `set` putting it in place.
template <class Set>
SimTime fit_on_grid(FitRuns& runs, ModelParameters p, const std::vector<SimTime>& grid, Set set) {
  SimTime best = grid.front();
  double best_error = std::numeric_limits<double>::infinity();
  for (const SimTime v : grid) {
    set(p, v);
    const double e = runs.error(p);
    if (e < best_error) best = v, best_error = e;
  }
  return best;
}

// kCooldowns with every multiple of the evaluation interval between `fit`'s grid neighbours
// added (the scaler checks the cooldown only on its grid, so finer values change nothing).
std::vector<SimTime> refined_cooldowns(SimTime fit, SimTime interval) {
  std::vector<SimTime> grid = kCooldowns;
  const auto at = std::find(kCooldowns.begin(), kCooldowns.end(), fit);
  if (at == kCooldowns.end()) return grid;
  const SimTime lo = at == kCooldowns.begin() ? fit : *(at - 1);
  const SimTime hi = at + 1 == kCooldowns.end() ? fit : *(at + 1);
  for (SimTime t = lo + interval; t < hi; t += interval)
    if (std::find(grid.begin(), grid.end(), t) == grid.end()) grid.push_back(t);
  std::sort(grid.begin(), grid.end());
  return grid;
}

// The interval of the values in `tried` whose error stays within `threshold`, around `fit`.
template <class Set>
FittedValue grid_profile(FitRuns& runs, const ModelParameters& p, const char* key,
                         const std::vector<SimTime>& tried, SimTime fit, double threshold,
                         Set set) {
  FittedValue v{key, fit.seconds(), fit.seconds(), fit.seconds()};
  for (const SimTime t : tried) {
    ModelParameters q = p;
    set(q, t);
    if (runs.error(q) <= threshold) {
      v.low = std::min(v.low, t.seconds());
      v.high = std::max(v.high, t.seconds());
    }
  }
  v.identified = !(v.low <= tried.front().seconds() && v.high >= tried.back().seconds());
  return v;
}

// The capacity profile: 1% steps out from the fit while the error stays within `threshold` (up
// to a factor of 2 either way), each end then placed by bisection to 1e-7 (relative).
FittedValue capacity_profile(FitRuns& runs, const ModelParameters& p, double threshold) {
  const auto within = [&](double capacity) {
    ModelParameters q = p;
    q.node_capacity_lcu = capacity;
    return runs.error(q) <= threshold;
  };
  const double fit = p.node_capacity_lcu;
  FittedValue v{"node_capacity_lcu", fit, fit, fit};
  for (const double direction : {1.0, -1.0}) {
    double inside = 0, outside = 0;  // log-distance from the fit
    for (int k = 1; k <= 70 && outside == 0; ++k)
      (within(fit * std::exp(direction * k * std::log(1.01))) ? inside : outside) =
          k * std::log(1.01);
    if (outside == 0) outside = inside;  // still inside at a factor of 2: stop there
    while (outside - inside > 1e-7) {
      const double mid = (inside + outside) / 2;
      (within(fit * std::exp(direction * mid)) ? inside : outside) = mid;
    }
    (direction > 0 ? v.high : v.low) = fit * std::exp(direction * inside);
  }
  v.identified = v.high / v.low < 3.5;
  return v;
}

ModelParameters scenario_parameters(const LoadBalancerSpec& spec) {
  return {spec.node_capacity_lcu.value(), spec.launch_delay.typical_max(), spec.scale_in_cooldown,
          spec.replacement};
}

// Whether a sweep changed nothing that the next would start from (capacity to 0.1%).
bool same_fit(const ModelParameters& a, const ModelParameters& b) {
  return std::abs(std::log(a.node_capacity_lcu / b.node_capacity_lcu)) < 1e-3 &&
         a.launch_delay == b.launch_delay && a.scale_in_cooldown == b.scale_in_cooldown &&
         a.replacement.kind == b.replacement.kind &&
         std::abs(a.replacement.age.seconds() - b.replacement.age.seconds()) <
             1e-3 * b.replacement.age.seconds() + 1;
}

double age_seconds(const ReplacementSpec& r) {
  return r.kind == ReplacementSpec::Kind::none ? std::numeric_limits<double>::infinity()
                                               : r.age.seconds();
}

// The fit figures of the run at the fit.
CalibrationFit measure_fit(const FitRuns& runs, const CalibrationTarget& target,
                           const FitRun& fitted) {
  const NodeSeries& observed = target.nodes;
  const NodeSeries& simulated = fitted.nodes;
  const auto new_addresses = [&](const std::vector<HeldInterval>& intervals) {
    return static_cast<std::uint64_t>(std::count_if(
        intervals.begin(), intervals.end(),
        [&](const HeldInterval& h) { return h.from_ms >= runs.censored_before_ms(); }));
  };
  CalibrationFit fit;
  fit.observed_node_hours = observed.node_hours(target.step);
  fit.simulated_node_hours = simulated.node_hours(target.step);
  fit.observed_peak = observed.peak();
  fit.simulated_peak = simulated.peak();
  fit.observed_rises = observed.rises();
  fit.simulated_rises = simulated.rises();
  fit.observed_new_addresses = new_addresses(target.intervals);
  fit.simulated_new_addresses = new_addresses(fitted.intervals);
  fit.observed_oldest = oldest_release_lifetimes(target.intervals, runs.censored_before_ms());
  fit.simulated_oldest = oldest_release_lifetimes(fitted.intervals, runs.censored_before_ms());
  fit.sse = runs.sse(simulated);
  fit.samples = runs.samples(simulated);
  for (const double s : runs.column_sse(simulated))
    fit.rms_per_column.push_back(fit.samples ? std::sqrt(s / static_cast<double>(fit.samples)) : 0);
  fit.simulations = runs.count();
  return fit;
}

}  // namespace

Scenario with_parameters(Scenario scenario, std::size_t lb, const ModelParameters& p) {
  LoadBalancerSpec& spec = scenario.load_balancers[lb];
  spec.node_capacity_lcu = Lcu(p.node_capacity_lcu);
  spec.launch_delay = DurationDistribution::fixed_at(p.launch_delay);
  spec.scale_in_cooldown = p.scale_in_cooldown;
  spec.replacement = p.replacement;
  return scenario;
}

Calibration calibrate(const Scenario& scenario, std::size_t lb, const CalibrationTarget& target) {
  const LoadBalancerSpec& spec = scenario.load_balancers[lb];
  FitRuns runs(scenario, lb, target);
  const ModelParameters given = scenario_parameters(spec);
  const ReplacementSpec::Kind kind = spec.replacement.kind == ReplacementSpec::Kind::every
                                         ? ReplacementSpec::Kind::every
                                         : ReplacementSpec::Kind::mean;
  const bool launch_shows = target.count == NodeCount::in_dns;
  const auto set_cooldown = [](ModelParameters& q, SimTime v) { q.scale_in_cooldown = v; };
  const auto set_launch = [](ModelParameters& q, SimTime v) { q.launch_delay = v; };

  ReplacementEvidence evidence;
  evidence.observed = oldest_release_lifetimes(target.intervals, runs.censored_before_ms());
  evidence.node_seconds = target.nodes.node_hours(target.step) * 3600;
  evidence.step_s = target.step.seconds();
  if (!launch_shows) {
    evidence.launch_below_s = given.launch_delay.seconds() - kLaunchDelays.front().seconds();
    evidence.launch_above_s = kLaunchDelays.back().seconds() - given.launch_delay.seconds();
  }

  ModelParameters p = given;
  FittedValue replacement;
  for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
    const ModelParameters before = p;
    replacement = fit_replacement(runs, p, kind, spec.drain_time, evidence);
    p.replacement =
        replacement.identified ? replacement_of(replacement.value, kind) : given.replacement;
    // The first sweep searches capacity widely; later ones near the fit (a factor of 1.34).
    p.node_capacity_lcu = fit_capacity(runs, p, sweep == 0 ? 72 : 6);
    p.scale_in_cooldown = fit_on_grid(runs, p, kCooldowns, set_cooldown);
    p.scale_in_cooldown = fit_on_grid(
        runs, p, refined_cooldowns(p.scale_in_cooldown, spec.evaluation_interval), set_cooldown);
    if (launch_shows) p.launch_delay = fit_on_grid(runs, p, kLaunchDelays, set_launch);
    if (same_fit(before, p)) break;
  }
  if (!replacement.identified) replacement.value = age_seconds(given.replacement);

  const NodeSeries best = runs.nodes(p);
  const double sse = runs.sse(best);
  const double threshold =
      sse * (1 + kChiSquare95 / static_cast<double>(runs.disagreements(best))) + 1e-9;
  FittedValue launch{"launch_delay", p.launch_delay.seconds(), kLaunchDelays.front().seconds(),
                     kLaunchDelays.back().seconds(), false};
  if (launch_shows)
    launch =
        grid_profile(runs, p, "launch_delay", kLaunchDelays, p.launch_delay, threshold, set_launch);
  FittedValue cooldown =
      grid_profile(runs, p, "scale_in_cooldown",
                   refined_cooldowns(p.scale_in_cooldown, spec.evaluation_interval),
                   p.scale_in_cooldown, threshold, set_cooldown);
  // Not identified: the scenario's value is kept (every value tried fits as well).
  if (!launch.identified) launch.value = (p.launch_delay = given.launch_delay).seconds();
  if (!cooldown.identified)
    cooldown.value = (p.scale_in_cooldown = given.scale_in_cooldown).seconds();
  Calibration c;
  c.values = {capacity_profile(runs, p, threshold), launch, cooldown, replacement};
  c.fitted = p;

  FitRun fitted = runs.run(p);
  c.fit = measure_fit(runs, target, fitted);
  c.simulated = std::move(fitted.nodes);
  return c;
}

}  // namespace albsim
