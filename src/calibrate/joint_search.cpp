#include "calibrate/joint_search.hpp"

#include <algorithm>
#include <cmath>
#include <nlopt.hpp>
#include <utility>

namespace albsim {
namespace {

constexpr double kCapacityRange = 40;

// The state one NLopt objective reads: the search, the fixed parameters, which move, and the
// best point seen (NLopt may stop on a plateau with a worse one).
struct Objective {
  JointSearch* search;
  Measure measure;
  ModelParameters base;
  FreeParameters free;
  ModelParameters best;
  double best_error;
  int left;  // evaluations allowed
};

ModelParameters point(const Objective& o, const std::vector<double>& x) {
  ModelParameters p = o.base;
  std::size_t i = 0;
  if (o.free.capacity) p.node_capacity_lcu = std::exp(x[i++]);
  if (o.free.cooldown)
    p.scale_in_cooldown =
        SimTime::from_ms(o.search->interval().ms() * std::llround(std::max(0.0, x[i++])));
  if (o.free.launch) p.launch_delay = SimTime::from_seconds(std::llround(std::max(0.0, x[i++])));
  if (o.free.replacement) p.replacement.age = SimTime::from_seconds(std::llround(std::exp(x[i++])));
  return p;
}

double objective(const std::vector<double>& x, std::vector<double>&, void* data) {
  auto& o = *static_cast<Objective*>(data);
  if (o.left-- <= 0) throw nlopt::forced_stop();
  const ModelParameters p = point(o, x);
  const double e = o.search->error(p, o.measure);
  if (e < o.best_error) o.best = p, o.best_error = e;
  return e;
}

}  // namespace

JointSearch::JointSearch(FitRuns& runs, SimTime interval, const ModelParameters& around)
    : runs_(runs),
      interval_(interval),
      capacity_low_(around.node_capacity_lcu / kCapacityRange),
      capacity_high_(around.node_capacity_lcu * kCapacityRange) {}

ModelParameters JointSearch::rounded(ModelParameters p) const {
  const std::int64_t unit = interval_.ms();
  p.scale_in_cooldown = SimTime::from_ms((p.scale_in_cooldown.ms() + unit / 2) / unit * unit);
  p.launch_delay = SimTime::from_seconds((p.launch_delay.ms() + 500) / 1000);
  return p;
}

double JointSearch::error(const ModelParameters& given, Measure measure) {
  const ModelParameters p = rounded(given);
  const Key key{std::llround(std::log(p.node_capacity_lcu) * 1e7), p.scale_in_cooldown.ms(),
                p.launch_delay.ms(), p.replacement.age.ms(), static_cast<int>(p.replacement.kind)};
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    const FitRun run = runs_.run(p);
    it = cache_.emplace(key, std::pair(runs_.error(run), runs_.turnover_sse(run.intervals))).first;
  }
  return measure == Measure::counts ? it->second.first : it->second.second;
}

ModelParameters JointSearch::minimise(const ModelParameters& start, FreeParameters free,
                                      int evaluations, Measure measure) {
  Objective o{this,       measure, rounded(start), free, rounded(start), error(start, measure),
              evaluations};
  std::vector<double> x, low, high, step;
  const auto add = [&](double value, double lo, double hi, double s) {
    x.push_back(std::clamp(value, lo, hi));
    low.push_back(lo);
    high.push_back(hi);
    step.push_back(s);
  };
  const double units = static_cast<double>(interval_.ms()) / 1000;
  if (free.capacity)
    add(std::log(start.node_capacity_lcu), std::log(capacity_low_), std::log(capacity_high_), 0.15);
  if (free.cooldown)
    add(start.scale_in_cooldown.seconds() / units, 0, kLongestCooldownS / units,
        std::max(2.0, 300 / units));
  if (free.launch) add(start.launch_delay.seconds(), 0, kLongestLaunchS, 60);
  free.replacement = free.replacement && start.replacement.kind != ReplacementSpec::Kind::none;
  o.free.replacement = free.replacement;
  if (free.replacement)
    add(std::log(start.replacement.age.seconds()), std::log(kShortestAgeS), std::log(kLongestAgeS),
        0.2);
  if (x.empty()) return o.best;
  nlopt::opt opt(nlopt::LN_NELDERMEAD, static_cast<unsigned>(x.size()));
  opt.set_lower_bounds(low);
  opt.set_upper_bounds(high);
  opt.set_initial_step(step);
  opt.set_min_objective(objective, &o);
  opt.set_stopval(0);  // no error is below none
  opt.set_xtol_rel(1e-5);
  double f = 0;
  try {
    opt.optimize(x, f);
  } catch (const nlopt::forced_stop&) {  // the evaluations are spent: keep the best seen
  } catch (const nlopt::roundoff_limited&) {
  }
  return o.best;
}

std::vector<ModelParameters> JointSearch::scan(const ModelParameters& start, Axis axis,
                                               Measure measure, std::size_t count) {
  const bool capacity = axis == Axis::capacity;
  const double low = capacity ? capacity_low_ : kShortestAgeS;
  const double high = capacity ? capacity_high_ : kLongestAgeS;
  const double ratio = capacity ? 1.1 : 1.03;
  std::vector<std::pair<double, ModelParameters>> grid;  // (error, point), ascending values
  for (double v = low; v <= high * 1.0001; v *= ratio) {
    ModelParameters p = start;
    if (capacity)
      p.node_capacity_lcu = v;
    else
      p.replacement.age = SimTime::from_seconds(std::llround(v));
    grid.emplace_back(error(p, measure), p);
  }
  std::vector<std::pair<double, ModelParameters>> minima;
  for (std::size_t i = 0; i < grid.size(); ++i)
    if ((i == 0 || grid[i].first <= grid[i - 1].first) &&
        (i + 1 == grid.size() || grid[i].first < grid[i + 1].first))
      minima.push_back(grid[i]);
  std::stable_sort(minima.begin(), minima.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<ModelParameters> out;
  for (std::size_t i = 0; i < minima.size() && out.size() < count; ++i)
    if (minima[i].first < error(start, measure)) out.push_back(minima[i].second);
  if (out.empty()) out.push_back(start);
  return out;
}

}  // namespace albsim
