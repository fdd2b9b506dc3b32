// What each option of a plan costs per 730-hour month: the simulated candidates (scope: the
// planned pool and the load balancers it serves), the static-IP alternatives, and the month
// at which buying BYOIP space pays for itself.
#pragma once

#include <optional>
#include <vector>

#include "albsim/plan.hpp"
#include "albsim/report.hpp"
#include "plan/candidates.hpp"

namespace albsim {

// The candidate's cost in one run: managed addresses of the served load balancers, the
// planned pool's Amazon blocks, its BYOIP addresses at the amortized price, its IPAM charge.
MonthlyCost candidate_cost(const Scenario& scenario, const Report& report, const PlanTarget& target,
                           CandidateKind kind);

// The same from the Markov screen's stationary means (for --fast).
MonthlyCost screened_cost(const Scenario& scenario, const PlanTarget& target, CandidateKind kind,
                          const ScreenEstimate& screen);

// NLB in front of the load balancers (Amazon or BYOIP Elastic IPs, one per AZ) and Global
// Accelerator, from the served load balancers' demand in LCU-hours per month.
std::vector<AlternativeResult> alternative_costs(const Scenario& scenario, const PlanTarget& target,
                                                 double lcu_hours_per_month,
                                                 const AlternativePricing& price);

// The first month m with purchase + m x running(byoip) < m x total(versus), where running is
// the BYOIP option's monthly cost without its amortized ownership; none if never.
std::optional<int> break_even_month(double purchase, double byoip_running, double versus_total);

}  // namespace albsim
