// Fitting the replacement age to the oldest addresses' lifetimes (oldest_releases.hpp).
#pragma once

#include "calibrate/calibration.hpp"
#include "calibrate/fit_runs.hpp"
#include "calibrate/joint_search.hpp"

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

// The replacement form fitted best: `every` and `mean` are each fitted (fit_replacement), and the
// one whose run at its fitted age has the lower count error is kept (on a tie, the one whose
// oldest-address lifetimes vary most like the observed ones: a fixed period's hardly do, an
// exponential's as much as their mean). Neither identified: `p`'s replacement is kept.
struct ReplacementChoice {
  ReplacementSpec spec;
  FittedValue value;  // its method names the form and why
};
ReplacementChoice choose_replacement(FitRuns& runs, JointSearch& search, const ModelParameters& p,
                                     SimTime drain_time, const ReplacementEvidence& evidence);

// The spec of a fitted age (infinity: none).
ReplacementSpec replacement_of(double age_s, ReplacementSpec::Kind kind);

}  // namespace albsim
