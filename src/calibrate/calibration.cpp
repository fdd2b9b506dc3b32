#include "calibrate/calibration.hpp"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <limits>

#include "calibrate/fit_runs.hpp"
#include "calibrate/joint_search.hpp"
#include "calibrate/replacement_fit.hpp"

namespace albsim {
namespace {

constexpr double kChiSquare95 = 3.841;
constexpr int kSearchRuns = 120;   // per start of the joint search
constexpr int kCapacityRuns = 25;  // fitting the capacity alone at one start's cooldown
constexpr int kStartCooldownMinutes[] = {0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90};
constexpr std::size_t kJointStarts = 3;  // the best of those, searched jointly
constexpr int kProfileRuns = 30;         // re-optimising the others at one profile point
constexpr int kProfileSteps = 12;        // doublings out from the fit, at most
constexpr int kRounds = 2;               // of the replacement and the others fitted in turn

// A profile: the values of one parameter at which the others, re-optimised, keep the error within
// `threshold`. Walks out from the fit in doubling steps (`unit`, 2 unit, ...) until a point is
// outside, then bisects between the last inside and it to `resolution`. `set` puts a value in
// place; `lowest` and `highest` bound the walk.
template <class Set>
std::pair<double, double> profile(JointSearch& search, const ModelParameters& fit,
                                  FreeParameters others, double value, double unit,
                                  double resolution, double lowest, double highest,
                                  double threshold, Measure measure, Set set) {
  ModelParameters warm = fit;  // the last re-optimised point, where the next search starts
  const auto inside = [&](double v) {
    ModelParameters q = warm;
    set(q, v);
    q = search.minimise(q, others, kProfileRuns, measure);
    const bool in = search.error(q, measure) <= threshold;
    if (in) warm = q;
    return in;
  };
  std::pair<double, double> range{value, value};
  for (const double direction : {-1.0, 1.0}) {
    warm = fit;
    double in = value, out = value;
    double step = unit;
    for (int k = 0; k < kProfileSteps; ++k, step *= 2) {
      const double v = std::clamp(in + direction * step, lowest, highest);
      if (v == in) break;
      if (!inside(v)) {
        out = v;
        break;
      }
      in = v;
    }
    while (out != value && std::abs(out - in) > resolution) {
      const double mid = (in + out) / 2;
      (inside(mid) ? in : out) = mid;
    }
    (direction < 0 ? range.first : range.second) = in;
  }
  return range;
}

// Node-hours in service over the covered samples: the exposure to replacement.
double covered_node_hours(const CalibrationTarget& target) {
  double total = 0;
  const std::size_t end = std::min(target.end_sample, target.nodes.rows.size());
  for (std::size_t i = target.first_sample; i < end; ++i)
    for (const std::uint32_t n : target.nodes.rows[i]) total += n;
  return total * target.step.seconds() / 3600;
}

// The exact 95% interval of an exponential mean `mean_s` seen as `events` replacements in the
// exposure `events` x `mean_s` (a Poisson count, time-censored): [2T / chi2(0.975; 2N + 2),
// 2T / chi2(0.025; 2N)]. The profile cannot show this spread: its runs share the truth's random
// draws, which a real fleet does not.
std::pair<double, double> exponential_mean_interval(double mean_s, double events) {
  using boost::math::chi_squared;
  using boost::math::quantile;
  const double exposure = 2 * events * mean_s;
  const double high = events > 0 ? exposure / quantile(chi_squared(2 * events), 0.025)
                                 : std::numeric_limits<double>::infinity();
  return {exposure / quantile(chi_squared(2 * events + 2), 0.975), high};
}

ModelParameters scenario_parameters(const LoadBalancerSpec& spec) {
  return {spec.node_capacity_lcu.value(), spec.launch_delay.typical_max(), spec.scale_in_cooldown,
          spec.replacement};
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
  fit.samples = runs.compared(simulated);
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
  JointSearch search(runs, spec.evaluation_interval, given);
  const bool launch_shows = target.count == NodeCount::in_dns;
  const LifetimeSample lifetimes =
      oldest_release_lifetimes(target.intervals, runs.censored_before_ms());

  // Capacity scanned first (the error is flat where every capacity gives the minimum nodes),
  // then the joint search from the best starts of a cooldown grid, then the replacement's form
  // and age at that fit and the others again, twice.
  // Capacity trades against cooldown (a longer cooldown holds nodes a larger capacity would not
  // need), so the joint search starts from the best of a cooldown grid, each with its capacity.
  const ModelParameters scanned = search.scan(given, Axis::capacity, Measure::counts, 1).front();
  std::vector<ModelParameters> starts;
  for (const int minutes : kStartCooldownMinutes) {
    ModelParameters start = scanned;
    start.scale_in_cooldown = SimTime::from_seconds(60 * minutes);
    starts.push_back(search.minimise(start, {true, false, false, false}, kCapacityRuns));
  }
  std::stable_sort(starts.begin(), starts.end(),
                   [&](const ModelParameters& a, const ModelParameters& b) {
                     return search.error(a) < search.error(b);
                   });
  ModelParameters best = scanned;
  for (std::size_t i = 0; i < kJointStarts && i < starts.size(); ++i) {
    const ModelParameters found =
        search.minimise(starts[i], {true, true, launch_shows, false}, kSearchRuns);
    if (search.error(found) < search.error(best)) best = found;
  }
  // The replacement and the others, in turn: each fit moves the other's optimum a little.
  ReplacementChoice replacement = choose_replacement(runs, search, best, lifetimes);
  ModelParameters p =
      search.minimise(replacement.fitted, {true, true, launch_shows, false}, kSearchRuns);
  for (int round = 1; round < kRounds; ++round) {
    replacement = choose_replacement(runs, search, p, lifetimes);
    p = search.minimise(replacement.fitted, {true, true, launch_shows, false}, kSearchRuns);
  }

  const FitRun at_fit = runs.run(p);
  const double threshold =
      runs.error(at_fit) *
          (1 + kChiSquare95 / static_cast<double>(runs.disagreements(at_fit.nodes))) +
      1e-9;
  const std::string how =
      "profile (the others re-optimised at each point), error within SSE_min (1 + 3.84/n)";
  const std::string widened =
      how + ", widened by the source's resolution " + format_duration(target.resolution);
  const double widen = target.resolution.seconds();
  const FreeParameters all{true, true, launch_shows, false};
  // The parameters re-optimised while `profiled` is held.
  const auto others = [&](FreeParameters profiled) {
    return FreeParameters{all.capacity && !profiled.capacity, all.cooldown && !profiled.cooldown,
                          all.launch && !profiled.launch, all.replacement && !profiled.replacement};
  };

  FittedValue capacity{"node_capacity_lcu", p.node_capacity_lcu, 0, 0, true, how};
  {
    const auto [low, high] =
        profile(search, p, others({true, false, false, false}), std::log(p.node_capacity_lcu),
                std::log(1.01), 1e-5, std::log(search.capacity_low()),
                std::log(search.capacity_high()), threshold, Measure::counts,
                [](ModelParameters& q, double v) { q.node_capacity_lcu = std::exp(v); });
    capacity.low = std::exp(low);
    capacity.high = std::exp(high);
    capacity.identified = capacity.high / capacity.low < 3.5;
    if (!capacity.identified)
      capacity.method =
          "not identified: capacities a factor of 3.5 apart fit as well (the window has too "
          "little scaling)";
  }
  FittedValue cooldown{"scale_in_cooldown", p.scale_in_cooldown.seconds(), 0, 0, true, widened};
  {
    const double unit = spec.evaluation_interval.seconds();
    const auto [low, high] = profile(search, p, others({false, true, false, false}), cooldown.value,
                                     unit, unit * 1.5, 0, JointSearch::kLongestCooldownS, threshold,
                                     Measure::counts, [](ModelParameters& q, double v) {
                                       q.scale_in_cooldown =
                                           SimTime::from_ms(std::llround(v * 1000));
                                     });
    cooldown.low = std::max(0.0, low - widen);
    cooldown.high = high + widen;
    cooldown.identified = !(low <= 0 && high >= JointSearch::kLongestCooldownS);
    if (!cooldown.identified)
      cooldown.method =
          "not identified: every cooldown from 0 to 2h fits as well (no scale-in that a "
          "cooldown would delay)";
  }
  FittedValue launch{"launch_delay",
                     given.launch_delay.seconds(),
                     0,
                     JointSearch::kLongestLaunchS,
                     false,
                     "not identified: a launching node already holds its address, so only a DNS "
                     "log shows the launch delay"};
  if (launch_shows) {
    launch.value = p.launch_delay.seconds();
    const auto [low, high] = profile(search, p, others({false, false, true, false}), launch.value,
                                     1, 1.5, 0, JointSearch::kLongestLaunchS, threshold,
                                     Measure::counts, [](ModelParameters& q, double v) {
                                       q.launch_delay = SimTime::from_seconds(std::llround(v));
                                     });
    launch.low = std::max(0.0, low - widen);
    launch.high = high + widen;
    launch.identified = !(low <= 0 && high >= JointSearch::kLongestLaunchS);
    launch.method = launch.identified
                        ? widened
                        : "not identified: every launch delay from 0 to 15m fits as well";
  }
  // The replacement's profile is on the turnover error, the others held (they show in the
  // counts, which a replacement's age hardly moves).
  FittedValue age{
      "replacement",
      p.replacement.age.seconds(),
      0,
      0,
      true,
      "profile of the turnover error (oldest addresses given back; the others held), within "
      "its minimum (1 + 3.84/n), n the episodes where they differ, widened by the "
      "source's resolution " +
          format_duration(target.resolution)};
  {
    const double turnover = search.error(p, Measure::turnover);
    const double episodes = static_cast<double>(runs.turnover_disagreements(at_fit.intervals));
    const auto [low, high] = profile(
        search, p, FreeParameters{false, false, false, false}, std::log(age.value), std::log(1.02),
        1e-5, std::log(JointSearch::kShortestAgeS), std::log(JointSearch::kLongestAgeS),
        turnover * (1 + kChiSquare95 / episodes) + 1e-9, Measure::turnover,
        [](ModelParameters& q, double v) {
          q.replacement.age = SimTime::from_seconds(std::llround(std::exp(v)));
        });
    age.low = std::exp(low) - widen;
    age.high = std::exp(high) + widen;
    if (p.replacement.kind == ReplacementSpec::Kind::mean) {
      const double events = covered_node_hours(target) * 3600 / age.value;
      const auto [count_low, count_high] = exponential_mean_interval(age.value, events);
      age.low = std::min(age.low, count_low);
      age.high = std::max(age.high, count_high);
      age.method += "; joined with the exact interval of an exponential mean from about " +
                    std::to_string(std::llround(events)) +
                    " replacements (the node-hours over the mean), the spread of a fleet's own "
                    "random ages";
    }
    age.method += "; " + replacement.reason;
    if (high >= std::log(JointSearch::kLongestAgeS) - 1e-9) {  // no replacement need have happened
      age.identified = false;
      age.high = std::numeric_limits<double>::infinity();
      age.method =
          "not identified: every age from the low end to 90d fits as well (no replacement "
          "shows in the window); the low end is a bound";
    }
  }
  // Not identified: the scenario's value is kept (every value tried fits as well).
  if (!launch.identified) launch.value = (p.launch_delay = given.launch_delay).seconds();
  if (!cooldown.identified)
    cooldown.value = (p.scale_in_cooldown = given.scale_in_cooldown).seconds();
  if (!age.identified) {
    p.replacement = given.replacement;
    age.value = given.replacement.kind == ReplacementSpec::Kind::none
                    ? std::numeric_limits<double>::infinity()
                    : given.replacement.age.seconds();
  }
  Calibration c;
  c.values = {capacity, launch, cooldown, age};
  c.fitted = p;

  FitRun fitted = runs.run(p);
  c.fit = measure_fit(runs, target, fitted);
  c.simulated = std::move(fitted.nodes);
  return c;
}

}  // namespace albsim
