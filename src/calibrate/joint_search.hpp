// The joint search of calibration: node capacity, scale-in cooldown and (where the source shows
// it) launch delay minimise the squared count error together, by NLopt's derivative-free
// Nelder-Mead from several starts, so that no parameter stops on a ridge another one trades
// against. Cooldown and launch delay take whole evaluation intervals and whole seconds (finer
// values change no run), capacity is searched in log space. Every error is cached: plateaus of
// the piecewise-constant error revisit points.
#pragma once

#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

#include "calibrate/calibration.hpp"
#include "calibrate/fit_runs.hpp"

namespace albsim {

// Which parameters move in a search. The replacement's age moves in its form (a spec without
// replacement stays without).
struct FreeParameters {
  bool capacity = true, cooldown = true, launch = false, replacement = false;
};

// A parameter searched on a geometric grid (scan).
enum class Axis { capacity, replacement_age };

// What a search minimises: the count error (FitRuns::error: capacity, cooldown and launch delay
// show there) or the turnover error (FitRuns::turnover_sse: replacement shows there, as the
// oldest addresses given back while the counts stay).
enum class Measure { counts, turnover };

class JointSearch {
 public:
  // `interval`: the evaluation interval (the cooldown's unit); `around`: the scenario's values,
  // which centre the capacity's bounds (a factor of 40 either way).
  JointSearch(FitRuns& runs, SimTime interval, const ModelParameters& around);

  // The error at `p` (its cooldown and launch delay rounded as the search rounds them).
  double error(const ModelParameters& p, Measure measure = Measure::counts);

  // The best point a Nelder-Mead search from `start` finds moving `free` (at most `evaluations`
  // runs, cached ones included), never worse than `start`.
  ModelParameters minimise(const ModelParameters& start, FreeParameters free, int evaluations,
                           Measure measure = Measure::counts);

  // The `count` best local minima of a geometric grid of `axis` over its whole range
  // (capacity: a factor of 40 either way of the scenario's, in steps of 10%; replacement age:
  // 1 h .. 90 d, in steps of 15%), best first, the other parameters as in `start` (which is
  // returned when no grid point is better): where local searches start, since the error is flat
  // where every value gives the same counts (the minimum nodes, say).
  std::vector<ModelParameters> scan(const ModelParameters& start, Axis axis, Measure measure,
                                    std::size_t count);

  SimTime interval() const { return interval_; }
  double capacity_low() const { return capacity_low_; }
  double capacity_high() const { return capacity_high_; }
  static constexpr double kLongestCooldownS = 7200;
  static constexpr double kLongestLaunchS = 900;
  static constexpr double kShortestAgeS = 3600;
  static constexpr double kLongestAgeS = 90 * 86400.0;

 private:
  using Key = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t, int>;
  ModelParameters rounded(ModelParameters p) const;

  FitRuns& runs_;
  SimTime interval_;
  double capacity_low_, capacity_high_;
  std::map<Key, std::pair<double, double>> cache_;  // count and turnover errors
};

}  // namespace albsim
