#include "calibrate/joint_search.hpp"

#include <algorithm>
#include <cmath>
#include <nlopt.hpp>

namespace albsim {
namespace {

constexpr double kCapacityRange = 40;

// The state one NLopt objective reads: the search, the fixed parameters, which move, and the
// best point seen (NLopt may stop on a plateau with a worse one).
struct Objective {
  JointSearch* search;
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
  return p;
}

double objective(const std::vector<double>& x, std::vector<double>&, void* data) {
  auto& o = *static_cast<Objective*>(data);
  if (o.left-- <= 0) throw nlopt::forced_stop();
  const ModelParameters p = point(o, x);
  const double e = o.search->error(p);
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

double JointSearch::error(const ModelParameters& given) {
  const ModelParameters p = rounded(given);
  const Key key{std::llround(std::log(p.node_capacity_lcu) * 1e7), p.scale_in_cooldown.ms(),
                p.launch_delay.ms(), p.replacement.age.ms(), static_cast<int>(p.replacement.kind)};
  const auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  return cache_[key] = runs_.error(p);
}

ModelParameters JointSearch::minimise(const ModelParameters& start, FreeParameters free,
                                      int evaluations) {
  Objective o{this, rounded(start), free, rounded(start), error(start), evaluations};
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

}  // namespace albsim
