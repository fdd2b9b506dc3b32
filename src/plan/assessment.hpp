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

// Per run, the worst served load balancer's figures.
struct Observations {
  std::size_t runs = 0;
  std::size_t breached = 0;  // runs with a breach at any served load balancer
  std::vector<double> in_allowlist;
  std::vector<double> breach_minutes_per_month;
  void add(const Report& report, const std::vector<std::size_t>& load_balancers);
};

struct Assessment {
  Interval breach_probability;  // Wilson at z
  Interval in_allowlist;        // mean -+ z s / sqrt(n)
  Interval breach_minutes_per_month;
  Verdict verdict = Verdict::uncertain;
  std::vector<std::string> reasons;  // the targets missed or open
};

// Intervals at normal quantile z; `exact` (no random element) makes every interval a point.
Assessment assess(const Observations& runs, const PlanTargets& targets, double z, bool exact);

}  // namespace albsim
