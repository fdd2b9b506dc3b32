// Fitting the replacement age to the oldest addresses' lifetimes (oldest_releases.hpp).
#pragma once

#include "calibrate/calibration.hpp"
#include "calibrate/fit_runs.hpp"

namespace albsim {

struct ReplacementEvidence {
  LifetimeSample observed;    // the observation's oldest-release lifetimes
  double node_seconds = 0;    // the observation's node-time, for the bound when none was seen
  double step_s = 0;          // the sampling step: each lifetime is known to within it
  double launch_below_s = 0;  // how far the launch delay may lie below / above its value, when
  double launch_above_s = 0;  // the lifetimes include it (address holdings, not DNS)
};

// The replacement of kind `kind` (`every` or `mean`) whose simulated mean lifetime matches the
// observed one, `p` holding the other parameters; the interval as calibration.hpp says. With
// no oldest address released in the observation, not identified: the interval runs from the
// rule-of-three bound (node-time / 3: fewer replacements than 3 in that time, at 95%) to none.
FittedValue fit_replacement(FitRuns& runs, const ModelParameters& p, ReplacementSpec::Kind kind,
                            SimTime drain_time, const ReplacementEvidence& evidence);

// The spec of a fitted age (infinity: none).
ReplacementSpec replacement_of(double age_s, ReplacementSpec::Kind kind);

}  // namespace albsim
