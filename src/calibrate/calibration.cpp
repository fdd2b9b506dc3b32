#include "calibrate/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "albsim/simulation.hpp"

namespace albsim {
namespace {

constexpr double kChiSquare95 = 3.841;

const std::vector<SimTime>& launch_delays() {
  static const std::vector<SimTime> grid = [] {
    std::vector<SimTime> g;
    for (const int s : {0, 15, 30, 45, 60, 90, 120, 150, 180, 240, 300, 420, 600})
      g.push_back(SimTime::from_seconds(s));
    return g;
  }();
  return grid;
}

const std::vector<SimTime>& cooldowns() {
  static const std::vector<SimTime> grid = [] {
    std::vector<SimTime> g;
    for (const int m : {0, 1, 2, 3, 5, 7, 10, 12, 15, 20, 25, 30, 45, 60})
      g.push_back(SimTime::from_seconds(m * 60));
    return g;
  }();
  return grid;
}

const std::vector<SimTime>& replacement_ages() {
  static const std::vector<SimTime> grid = [] {
    std::vector<SimTime> g;
    for (const int h : {3, 6, 12, 24, 48, 72, 120, 168, 336, 720})
      g.push_back(SimTime::from_seconds(h * 3600));
    return g;
  }();
  return grid;
}

double replacement_age_s(const ReplacementSpec& r) {
  return r.kind == ReplacementSpec::Kind::none ? 0 : r.age.seconds();
}

class Fitter {
 public:
  Fitter(const Scenario& scenario, std::size_t lb, const NodeSeries& observed, bool per_az,
         SimTime step)
      : scenario_(scenario), lb_(lb), observed_(observed), per_az_(per_az), step_(step) {}

  NodeSeries run(const ModelParameters& p) {
    ++simulations_;
    NodeSeriesCollector collector(lb_, per_az_);
    SimulationOptions options;
    options.timeseries_step = step_;
    options.timeseries = &collector;
    simulate(with_parameters(scenario_, lb_, p), options);
    return collector.take();
  }

  double sse(const NodeSeries& simulated) const {
    double total = 0;
    const std::size_t n = std::min(simulated.rows.size(), observed_.rows.size());
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t az = 0; az < observed_.rows[i].size(); ++az) {
        const double d = static_cast<double>(simulated.rows[i][az]) -
                         static_cast<double>(observed_.rows[i][az]);
        total += d * d;
      }
    return total;
  }

  double error(const ModelParameters& p) { return sse(run(p)); }

  // The node arrivals' mismatch, for replacement.
  double rise_gap(const ModelParameters& p) {
    return std::abs(static_cast<double>(run(p).increases()) -
                    static_cast<double>(observed_.increases()));
  }

  std::size_t simulations() const { return simulations_; }
  std::uint64_t observed_rises() const { return observed_.increases(); }

 private:
  const Scenario& scenario_;
  std::size_t lb_;
  const NodeSeries& observed_;
  bool per_az_;
  SimTime step_;
  std::size_t simulations_ = 0;
};

// The capacity minimising the error: a geometric grid around `start`, then golden-section
// search (in log space) between the grid neighbours of the best point.
double fit_capacity(Fitter& f, ModelParameters p) {
  const auto error_at = [&](double capacity) {
    p.node_capacity_lcu = capacity;
    return f.error(p);
  };
  const double start = p.node_capacity_lcu;
  double best = start, best_error = error_at(best);
  for (int k = -16; k <= 16; ++k) {
    const double c = start * std::pow(1.25, k);
    const double e = error_at(c);
    if (e < best_error) best = c, best_error = e;
  }
  double lo = std::log(best / 1.25), hi = std::log(best * 1.25);
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  for (int i = 0; i < 12; ++i) {
    const double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
    if (error_at(std::exp(a)) <= error_at(std::exp(b)))
      hi = b;
    else
      lo = a;
  }
  const double refined = std::exp((lo + hi) / 2);
  return error_at(refined) <= best_error ? refined : best;
}

template <class Set>
SimTime fit_on_grid(Fitter& f, ModelParameters p, const std::vector<SimTime>& grid, Set set) {
  SimTime best;
  double best_error = std::numeric_limits<double>::infinity();
  for (const SimTime v : grid) {
    set(p, v);
    const double e = f.error(p);
    if (e < best_error) best = v, best_error = e;
  }
  return best;
}

// Replacement: none, or `every` / `mean` (the kind the scenario has; mean when none) over the
// age grid, by the rise count. Ages not longer than launch delay + drain time are left out.
ReplacementSpec fit_replacement(Fitter& f, ModelParameters p, ReplacementSpec::Kind kind,
                                SimTime drain_time) {
  ReplacementSpec best;
  p.replacement = best;
  double best_gap = f.rise_gap(p);
  for (const SimTime age : replacement_ages()) {
    if (age <= p.launch_delay + drain_time) continue;
    p.replacement = ReplacementSpec{kind, age};
    const double gap = f.rise_gap(p);
    if (gap < best_gap) best = p.replacement, best_gap = gap;
  }
  return best;
}

}  // namespace

Scenario with_parameters(Scenario scenario, std::size_t lb, const ModelParameters& p) {
  LoadBalancerSpec& spec = scenario.load_balancers[lb];
  spec.node_capacity_lcu = p.node_capacity_lcu;
  spec.launch_delay = DurationDistribution::fixed_at(p.launch_delay);
  spec.scale_in_cooldown = p.scale_in_cooldown;
  spec.replacement = p.replacement;
  return scenario;
}

Calibration calibrate(const Scenario& scenario, std::size_t lb, const NodeSeries& observed,
                      bool per_az, SimTime step) {
  const LoadBalancerSpec& spec = scenario.load_balancers[lb];
  Fitter f(scenario, lb, observed, per_az, step);
  ModelParameters p;
  p.node_capacity_lcu = spec.node_capacity_lcu;
  p.launch_delay = spec.launch_delay.typical_max();
  p.scale_in_cooldown = spec.scale_in_cooldown;
  p.replacement = spec.replacement;
  const ReplacementSpec::Kind kind = spec.replacement.kind == ReplacementSpec::Kind::every
                                         ? ReplacementSpec::Kind::every
                                         : ReplacementSpec::Kind::mean;
  for (int sweep = 0; sweep < 2; ++sweep) {
    p.node_capacity_lcu = fit_capacity(f, p);
    p.scale_in_cooldown =
        fit_on_grid(f, p, cooldowns(), [](ModelParameters& q, SimTime v) { q.scale_in_cooldown = v; });
    p.launch_delay =
        fit_on_grid(f, p, launch_delays(), [](ModelParameters& q, SimTime v) { q.launch_delay = v; });
    p.replacement = fit_replacement(f, p, kind, spec.drain_time);
  }

  Calibration c;
  c.fitted = p;
  c.simulated = f.run(p);
  const double best = f.sse(c.simulated);
  const double n = std::max<double>(1, static_cast<double>(f.observed_rises()));
  const double threshold = best * (1 + kChiSquare95 / n) + 1e-9;

  // Profiles: the values whose error stays within the threshold, the others at the fit.
  FittedValue capacity{"node_capacity_lcu", p.node_capacity_lcu, p.node_capacity_lcu,
                       p.node_capacity_lcu};
  for (int k = -40; k <= 40; ++k) {
    ModelParameters q = p;
    q.node_capacity_lcu = p.node_capacity_lcu * std::pow(1.02, k);
    if (f.error(q) <= threshold) {
      capacity.low = std::min(capacity.low, q.node_capacity_lcu);
      capacity.high = std::max(capacity.high, q.node_capacity_lcu);
    }
  }
  const auto grid_profile = [&](const char* name, const std::vector<SimTime>& grid, SimTime fit,
                                auto set) {
    FittedValue v{name, fit.seconds(), fit.seconds(), fit.seconds()};
    for (const SimTime t : grid) {
      ModelParameters q = p;
      set(q, t);
      if (f.error(q) <= threshold) {
        v.low = std::min(v.low, t.seconds());
        v.high = std::max(v.high, t.seconds());
      }
    }
    return v;
  };
  const FittedValue cooldown =
      grid_profile("scale_in_cooldown", cooldowns(), p.scale_in_cooldown,
                   [](ModelParameters& q, SimTime v) { q.scale_in_cooldown = v; });
  const FittedValue launch = grid_profile("launch_delay", launch_delays(), p.launch_delay,
                                          [](ModelParameters& q, SimTime v) { q.launch_delay = v; });
  FittedValue replacement{"replacement", replacement_age_s(p.replacement),
                          replacement_age_s(p.replacement), replacement_age_s(p.replacement)};
  const double allowed = 2 * std::sqrt(n);
  for (const SimTime age : replacement_ages()) {
    if (age <= p.launch_delay + spec.drain_time) continue;
    ModelParameters q = p;
    q.replacement = ReplacementSpec{kind, age};
    if (f.rise_gap(q) <= allowed) {
      replacement.low = std::min(replacement.low, age.seconds());
      replacement.high = std::max(replacement.high, age.seconds());
    }
  }
  c.values = {capacity, launch, cooldown, replacement};

  CalibrationFit& fit = c.fit;
  fit.observed_node_hours = observed.node_hours(step);
  fit.simulated_node_hours = c.simulated.node_hours(step);
  fit.observed_peak = observed.peak();
  fit.simulated_peak = c.simulated.peak();
  fit.observed_rises = observed.increases();
  fit.simulated_rises = c.simulated.increases();
  fit.sse = best;
  fit.samples = std::min(observed.rows.size(), c.simulated.rows.size());
  const std::size_t columns = observed.rows.empty() ? 0 : observed.rows.front().size();
  for (std::size_t az = 0; az < columns; ++az) {
    double sum = 0;
    for (std::size_t i = 0; i < fit.samples; ++i) {
      const double d = static_cast<double>(c.simulated.rows[i][az]) -
                       static_cast<double>(observed.rows[i][az]);
      sum += d * d;
    }
    fit.rms_per_az.push_back(fit.samples ? std::sqrt(sum / static_cast<double>(fit.samples)) : 0);
  }
  fit.simulations = f.simulations();
  return c;
}

}  // namespace albsim
