// Fitting the replacement: its form (`every` a fixed age, `mean` an exponential one) and age.
#pragma once

#include <string>

#include "calibrate/calibration.hpp"
#include "calibrate/fit_runs.hpp"
#include "calibrate/joint_search.hpp"
#include "calibrate/oldest_releases.hpp"

namespace albsim {

// The replacement fitting best with `p`'s other parameters: for each form, the age scanned over
// 1 h .. 90 d and its three best local minima refined (JointSearch) on the turnover error (oldest
// addresses given back, which a replacement shows and the counts do not); the form with the lower
// turnover error is kept (on a tie, the one whose oldest-address lifetimes (oldest_releases.hpp)
// vary most like `observed`: a fixed age's hardly do, an exponential one's as much as their mean).
// `reason` says which form won, and by how much, for calibrate's table.
struct ReplacementChoice {
  ModelParameters fitted;
  std::string reason;
};
ReplacementChoice choose_replacement(FitRuns& runs, JointSearch& search, const ModelParameters& p,
                                     const LifetimeSample& observed);

}  // namespace albsim
