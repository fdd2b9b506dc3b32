#include "calibrate/replacement_fit.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

namespace albsim {
namespace {

constexpr double kNormal975 = 1.96;
constexpr double kNone = std::numeric_limits<double>::infinity();
const int kReplacementHours[] = {1, 2, 3, 6, 12, 24, 48, 72, 120, 168, 336, 720, 1440, 2160};

SimTime seconds(double s) {
  return SimTime::from_ms(std::llround(s * 1000));
}

// The simulated mean oldest lifetime as a function of the age (increasing), over the hour grid
// (none shorter than twice a replacement's turnover, launch and drain, which would be churn).
class LifetimeCurve {
 public:
  LifetimeCurve(FitRuns& runs, ModelParameters p, ReplacementSpec::Kind kind, SimTime drain)
      : runs_(runs), p_(p), kind_(kind) {
    const double turnover = (p.launch_delay + drain).seconds();
    for (const int h : kReplacementHours)
      if (h * 3600.0 > 2 * turnover) ages_.push_back(h * 3600.0);
    for (const double age : ages_) means_.push_back(sample(age).mean_s);
  }

  LifetimeSample sample(double age_s) {
    p_.replacement = {kind_, seconds(age_s)};
    const FitRun run = runs_.run(p_);
    LifetimeSample s = oldest_release_lifetimes(run.intervals, runs_.censored_before_ms());
    if (s.count == 0) s.mean_s = kNone;  // nothing replaced: the age is beyond the window
    return s;
  }

  // The age whose mean lifetime is `target` (clamped to the grid), by bisection in log-age.
  double age_for(double target) {
    std::size_t i = 0;
    while (i < ages_.size() && means_[i] < target) ++i;
    if (i == 0) return ages_.front();
    if (i == ages_.size()) return ages_.back();
    double lo = std::log(ages_[i - 1]), hi = std::log(ages_[i]);
    for (int k = 0; k < 12; ++k) {
      const double mid = (lo + hi) / 2;
      (sample(std::exp(mid)).mean_s < target ? lo : hi) = mid;
    }
    return std::exp((lo + hi) / 2);
  }

  bool empty() const { return ages_.empty(); }
  double shortest() const { return ages_.front(); }
  double longest() const { return ages_.back(); }

 private:
  FitRuns& runs_;
  ModelParameters p_;
  ReplacementSpec::Kind kind_;
  std::vector<double> ages_, means_;
};

}  // namespace

ReplacementSpec replacement_of(double age_s, ReplacementSpec::Kind kind) {
  if (age_s == kNone) return {};
  return {kind, seconds(std::round(age_s))};
}

FittedValue fit_replacement(FitRuns& runs, const ModelParameters& p, ReplacementSpec::Kind kind,
                            SimTime drain_time, const ReplacementEvidence& evidence) {
  FittedValue v{"replacement", kNone, evidence.node_seconds / 3, kNone, false, ""};
  LifetimeCurve curve(runs, p, kind, drain_time);
  const LifetimeSample& seen = evidence.observed;
  if (seen.count == 0 || curve.empty()) return v;

  v.value = curve.age_for(seen.mean_s);
  const LifetimeSample at_fit = curve.sample(v.value);
  const double n = static_cast<double>(seen.count);
  double variance = seen.variance_s2 / n + evidence.step_s * evidence.step_s / 6 / n;
  if (at_fit.count > 1) variance += at_fit.variance_s2 / static_cast<double>(at_fit.count);
  const double spread = kNormal975 * std::sqrt(variance);
  v.low = curve.age_for(seen.mean_s - spread - evidence.launch_above_s);
  v.high = curve.age_for(seen.mean_s + spread + evidence.launch_below_s);
  v.identified = !(v.low <= curve.shortest() && v.high >= curve.longest());
  return v;
}

ReplacementChoice choose_replacement(FitRuns& runs, JointSearch& search, const ModelParameters& p,
                                     SimTime drain_time, const ReplacementEvidence& evidence) {
  struct Candidate {
    ReplacementSpec::Kind kind;
    FittedValue value;
    double error = kNone, variance_gap = kNone;
  };
  std::vector<Candidate> candidates;
  for (const auto kind : {ReplacementSpec::Kind::every, ReplacementSpec::Kind::mean}) {
    Candidate c{kind, fit_replacement(runs, p, kind, drain_time, evidence)};
    if (c.value.identified) {
      ModelParameters q = p;
      q.replacement = replacement_of(c.value.value, kind);
      c.error = search.error(q);
      const LifetimeSample simulated =
          oldest_release_lifetimes(runs.run(q).intervals, runs.censored_before_ms());
      c.variance_gap =
          std::abs(std::sqrt(simulated.variance_s2) - std::sqrt(evidence.observed.variance_s2));
    }
    candidates.push_back(std::move(c));
  }
  const Candidate& every = candidates[0];
  const Candidate& mean = candidates[1];
  const bool every_wins =
      std::tie(every.error, every.variance_gap) <= std::tie(mean.error, mean.variance_gap);
  const Candidate& best = every_wins ? every : mean;
  const Candidate& other = every_wins ? mean : every;
  ReplacementChoice choice{p.replacement, best.value};
  if (!best.value.identified) {
    choice.value.value =
        p.replacement.kind == ReplacementSpec::Kind::none ? kNone : p.replacement.age.seconds();
    choice.value.method =
        "not identified: no oldest address was given back in the window (a replacement ends "
        "the oldest node's holding); the interval's low end is node-time / 3, the rule of three";
    return choice;
  }
  choice.spec = replacement_of(best.value.value, best.kind);
  const char* name = best.kind == ReplacementSpec::Kind::every ? "every" : "mean";
  const char* other_name = best.kind == ReplacementSpec::Kind::every ? "mean" : "every";
  choice.value.method = std::string(
                            "oldest-address lifetimes (simulated mean within 1.96 standard "
                            "errors of the observed); the form `") +
                        name + "` fits better than `" + other_name + "` (squared error " +
                        std::to_string(std::llround(best.error)) + " against " +
                        (other.value.identified ? std::to_string(std::llround(other.error))
                                                : std::string("not identified")) +
                        ")";
  return choice;
}

}  // namespace albsim
