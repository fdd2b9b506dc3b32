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

// Which parameters move in a search.
struct FreeParameters {
  bool capacity = true, cooldown = true, launch = false;
};

class JointSearch {
 public:
  // `interval`: the evaluation interval (the cooldown's unit); `around`: the scenario's values,
  // which centre the capacity's bounds (a factor of 40 either way).
  JointSearch(FitRuns& runs, SimTime interval, const ModelParameters& around);

  // The error at `p` (its cooldown and launch delay rounded as the search rounds them).
  double error(const ModelParameters& p);

  // The best point a Nelder-Mead search from `start` finds moving `free` (at most `evaluations`
  // runs, cached ones included), never worse than `start`.
  ModelParameters minimise(const ModelParameters& start, FreeParameters free, int evaluations);

  SimTime interval() const { return interval_; }
  static constexpr double kLongestCooldownS = 7200;
  static constexpr double kLongestLaunchS = 900;

 private:
  using Key = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t, int>;
  ModelParameters rounded(ModelParameters p) const;

  FitRuns& runs_;
  SimTime interval_;
  double capacity_low_, capacity_high_;
  std::map<Key, double> cache_;
};

}  // namespace albsim
