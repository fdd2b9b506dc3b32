#include "calibrate/replacement_fit.hpp"

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

namespace albsim {
namespace {

constexpr int kRefineRuns = 30;
constexpr std::size_t kStarts = 3;  // the best local minima of the age grid refined

const char* form_name(ReplacementSpec::Kind kind) {
  return kind == ReplacementSpec::Kind::every ? "every" : "mean";
}

}  // namespace

ReplacementChoice choose_replacement(FitRuns& runs, JointSearch& search, const ModelParameters& p,
                                     const LifetimeSample& observed) {
  struct Candidate {
    ModelParameters fitted;
    double error = 0, variance_gap = 0;
  };
  std::vector<Candidate> candidates;
  for (const auto kind : {ReplacementSpec::Kind::every, ReplacementSpec::Kind::mean}) {
    ModelParameters q = p;
    q.replacement = {kind, p.replacement.kind == ReplacementSpec::Kind::none
                               ? SimTime::from_seconds(30 * 86400)
                               : p.replacement.age};
    ModelParameters found = q;
    for (const ModelParameters& start :
         search.scan(q, Axis::replacement_age, Measure::turnover, kStarts)) {
      const ModelParameters refined =
          search.minimise(start, {false, false, false, true}, kRefineRuns, Measure::turnover);
      if (search.error(refined, Measure::turnover) < search.error(found, Measure::turnover))
        found = refined;
    }
    q = found;
    const LifetimeSample simulated =
        oldest_release_lifetimes(runs.run(q).intervals, runs.censored_before_ms());
    candidates.push_back(
        {q, search.error(q, Measure::turnover),
         std::abs(std::sqrt(simulated.variance_s2) - std::sqrt(observed.variance_s2))});
  }
  const Candidate& every = candidates[0];
  const Candidate& mean = candidates[1];
  const bool every_wins =
      std::tie(every.error, every.variance_gap) <= std::tie(mean.error, mean.variance_gap);
  const Candidate& best = every_wins ? every : mean;
  const Candidate& other = every_wins ? mean : every;
  const bool by_error = best.error < other.error;
  std::string reason = std::string("the form `") + form_name(best.fitted.replacement.kind) +
                       "` fits better than `" + form_name(other.fitted.replacement.kind) + "` (";
  reason += by_error ? "squared turnover error " + std::to_string(std::llround(best.error)) +
                           " against " + std::to_string(std::llround(other.error))
                     : "equal count errors; its oldest-address lifetimes vary more like the "
                       "observed ones";
  reason += ")";
  return {best.fitted, reason};
}

}  // namespace albsim
