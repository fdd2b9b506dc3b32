#include "plan/assessment.hpp"

#include <algorithm>
#include <cstdio>

#include "core/statistics.hpp"

namespace albsim {
namespace {

Interval to_interval(const Estimate& e) {
  return {e.estimate, e.low, e.high};
}

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", v);
  return buffer;
}

enum class Status { met, missed, open };

// `upper`: the target bounds the figure from above (else from below).
Status judge(const Interval& i, double target, bool upper) {
  const double pessimistic = upper ? i.high : i.low;
  const double optimistic = upper ? i.low : i.high;
  const bool pessimistic_ok = upper ? pessimistic <= target : pessimistic >= target;
  const bool optimistic_ok = upper ? optimistic <= target : optimistic >= target;
  return pessimistic_ok ? Status::met : optimistic_ok ? Status::open : Status::missed;
}

}  // namespace

RunFigures run_figures(const Report& report, const std::vector<std::size_t>& load_balancers) {
  RunFigures f;
  for (const std::size_t j : load_balancers) {
    // A planned load balancer always has an allowlist: the planned pool's (candidates.cpp).
    const AllowlistMetrics& a = report.load_balancers[j].allowlist.value();
    f.breached = f.breached || a.breach_episodes > 0;
    f.in_allowlist = std::min(f.in_allowlist, a.in_allowlist_ratio.value_or(1.0));
    f.breach_minutes_per_month =
        std::max(f.breach_minutes_per_month, a.breach_seconds / 60 * monthly_factor(report));
  }
  return f;
}

Assessment assess(const std::vector<RunFigures>& runs, const PlanTargets& targets, double z,
                  bool exact) {
  std::size_t breached = 0;
  std::vector<double> in_allowlist, minutes;
  for (const RunFigures& r : runs) {
    breached += r.breached ? 1 : 0;
    in_allowlist.push_back(r.in_allowlist);
    minutes.push_back(r.breach_minutes_per_month);
  }
  Assessment a;
  a.breach_probability = to_interval(wilson_interval(breached, runs.size(), z));
  a.in_allowlist = to_interval(mean_interval(in_allowlist, z));
  a.breach_minutes_per_month = to_interval(mean_interval(minutes, z));
  if (exact)
    for (Interval* i : {&a.breach_probability, &a.in_allowlist, &a.breach_minutes_per_month})
      i->low = i->high = i->estimate;
  a.in_allowlist.high = std::min(a.in_allowlist.high, 1.0);
  a.breach_minutes_per_month.low = std::max(a.breach_minutes_per_month.low, 0.0);

  bool missed = false, open = false;
  auto check = [&](const char* what, const Interval& i, double target, bool upper) {
    const Status s = judge(i, target, upper);
    if (s == Status::met) return;
    (s == Status::missed ? missed : open) = true;
    a.reasons.push_back(std::string(what) + " " + number(i.estimate) + " [" + number(i.low) + ", " +
                        number(i.high) + "] " +
                        (s == Status::missed ? (upper ? "> " : "< ") : "straddles ") +
                        number(target));
  };
  check("P(breach)", a.breach_probability, targets.max_breach_probability, true);
  check("in-allowlist", a.in_allowlist, targets.min_in_allowlist, false);
  if (targets.max_breach_minutes_per_month)
    check("breach min/month", a.breach_minutes_per_month, *targets.max_breach_minutes_per_month,
          true);
  a.verdict = missed ? Verdict::fails : open ? Verdict::uncertain : Verdict::meets;
  return a;
}

}  // namespace albsim
