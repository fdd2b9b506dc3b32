// Judging a candidate against the plan's targets from its runs: each figure gets an interval,
// and a target is met when the interval's pessimistic end meets it, missed when even the
// optimistic end misses it, and open otherwise.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "albsim/plan.hpp"
#include "albsim/report.hpp"

namespace albsim {

// One run as the plan sees it: the worst served load balancer's figures.
struct RunFigures {
  bool breached = false;                // any served load balancer breached
  double in_allowlist = 1;              // the lowest ratio (1 for a load balancer never exposed)
  double breach_minutes_per_month = 0;  // the most
};

RunFigures run_figures(const Report& report, const std::vector<std::size_t>& load_balancers);

struct Assessment {
  Interval breach_probability;  // Wilson at z
  Interval in_allowlist;        // mean -+ z s / sqrt(n)
  Interval breach_minutes_per_month;
  Verdict verdict = Verdict::uncertain;
  std::vector<std::string> reasons;  // the targets missed or open
};

// Intervals at normal quantile z; `exact` (no random element) makes every interval a point.
// `runs` is not empty.
Assessment assess(const std::vector<RunFigures>& runs, const PlanTargets& targets, double z,
                  bool exact);

}  // namespace albsim
