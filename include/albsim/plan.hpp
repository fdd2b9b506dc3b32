// The capacity planner (`albsim plan`): simulates candidate pools for the load balancers one pool
// serves, checks each against allowlist targets with confidence intervals, prices each option
// per month next to the static-IP alternatives, and recommends the cheapest that meets them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "albsim/load_scenario.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

struct PlanTargets {
  double max_breach_probability = 0.01;  // per horizon, any served load balancer
  double min_in_allowlist = 0.9999;      // worst served load balancer
  std::optional<double> max_breach_minutes_per_month;
};

// Prices and assumptions of the options that are not simulated (FACTS.md, "Alternatives").
struct AlternativePricing {
  double nlb_per_hour = 0.0225;
  double nlcu_per_hour = 0.006;
  double gb_per_nlcu_hour = 1.0;  // the NLCU processed-bytes dimension (TCP)
  double accelerator_per_hour = 0.025;
  double accelerator_premium_per_gb = 0.015;   // data-transfer premium, lowest published tier
  double gb_per_lcu_hour = 1.0;                // assumption: bytes processed per ALB LCU-hour
  double cloudfront_anycast_per_month = 3000;  // one Anycast Static IP list (3 or 21 addresses)
};

struct PlanOptions {
  std::string scenario_path;
  std::vector<Override> overrides;  // the user's --set, applied before every candidate's
  std::optional<std::string> pool;  // plan this pool (every load balancer drawing from it)...
  std::optional<std::string> lb;    // ...or this load balancer's pool (a new one if it has none)
  int netmask_min = 24;             // BYOIP candidates /netmask_min .. /netmask_max
  int netmask_max = 30;
  bool allow_quota_increase = false;  // Amazon blocks beyond 2 x /29 or /30
  PlanTargets targets;
  AlternativePricing alternatives;
  std::optional<int> replications;  // the budget per candidate; default: the scenario's
  bool early_stop = true;
  bool fast = false;  // the Markov screen only, no simulation
  // The scenario before the change (`--baseline`): the served load balancers and the planned
  // pool there, simulated as they are (with the user's --set too), give the cost before.
  std::optional<std::string> baseline;
  int threads = 0;  // 0: every hardware thread
  // Called after each simulated run with the runs finished and the most there can be (it
  // shrinks as candidates stop early); calls are serialised but may come from any thread.
  std::function<void(int finished, int at_most)> on_progress;
};

enum class CandidateKind { byoip, amazon, managed_only };
enum class Verdict { meets, fails, uncertain, not_possible };
const char* verdict_name(Verdict v);  // "meets", "fails", "uncertain", "not possible"

// A figure with the ends of its 95% interval.
struct Interval {
  double estimate = 0;
  double low = 0;
  double high = 0;
};

// USD per 730-hour month for the planned pool and the load balancers it serves.
struct MonthlyCost {
  double managed_ipv4 = 0;
  double amazon_blocks = 0;
  double byoip_ownership = 0;
  double ipam = 0;
  double nlb = 0;          // alternatives: NLB hours and NLCU
  double accelerator = 0;  // alternatives: accelerator hours and data-transfer premium
  double cloudfront = 0;   // alternatives: a CloudFront Anycast Static IP list
  double total = 0;
};

// The Markov screen's estimate for one capacity (docs/planning.md, "Markov screen").
struct ScreenEstimate {
  double time_over_capacity = 0;  // stationary P(addresses held > capacity)
  double breach_probability = 0;  // P(some up-crossing of capacity within the horizon)
  double in_allowlist = 1;        // 1 - E[(held - capacity)+] / E[nodes]
  double managed_addresses = 0;   // E[(held - capacity)+]: addresses beyond the pool
  double pool_addresses = 0;      // E[min(held, capacity)], reservations included
};

struct CandidateResult {
  CandidateKind kind = CandidateKind::byoip;
  int netmask = 0;  // byoip, amazon
  int blocks = 0;   // amazon
  std::string name;
  // The scenario as it is: the planned pool with its own CIDRs (managed-only for a load
  // balancer on no pool). Exactly one candidate is; `plan --check` judges it.
  bool current = false;
  std::uint64_t addresses = 0;  // the pool's capacity for the served load balancers
  std::vector<Cidr> cidrs;
  std::vector<Override> overrides;  // `albsim run SCENARIO --set ...` reproduces the candidate
  std::string not_possible;         // why it cannot be built (Verdict::not_possible)
  int replications = 0;             // simulated runs (the first ones of the scenario's seeds)
  bool stopped_early = false;
  Interval breach_probability;  // Wilson
  Interval breach_minutes_per_month;
  Interval in_allowlist;
  MonthlyCost cost;  // means over the runs
  std::optional<ScreenEstimate> screen;
  Verdict verdict = Verdict::uncertain;
  std::vector<std::string> reasons;  // the targets missed or not yet shown
};

struct AlternativeResult {
  std::string name;
  MonthlyCost cost;
  std::string addresses;  // what clients allowlist
};

struct BreakEven {
  std::string byoip;   // candidate name
  std::string versus;  // candidate name
  Verdict versus_verdict = Verdict::meets;
  double purchase = 0;        // USD up front: block_purchase, or attributed when owned
  double block_purchase = 0;  // the /24 (or the candidate, when larger) you must own
  double attributed = 0;      // the candidate's own addresses' share of it
  bool owned = false;         // /pricing/byoip_owned: the break-even uses `attributed`
  std::optional<int> month;   // first month whose cumulative cost is lower; none: never
};

// The cost before the change: the planned pool (by its id) and the served load balancers (by
// theirs) in the baseline scenario, as its simulation charges them.
struct BaselineResult {
  std::string scenario;                     // the file
  std::vector<std::string> load_balancers;  // the served ones the baseline has
  int replications = 0;
  MonthlyCost cost;  // means over the runs
};

struct PlanResult {
  std::string scenario_name;
  std::vector<TraceInput> trace_inputs;  // the scenario's, as a run reports them
  std::vector<std::string> warnings;     // the scenario's, without its file name
  std::vector<Override> overrides;       // the user's, before every candidate's
  std::string pool;                      // planned pool id
  std::vector<std::string> load_balancers;
  std::vector<std::string> azs;  // of the served load balancers, in order
  std::string region;
  double horizon_hours = 0;
  int budget = 0;  // replications per candidate at most
  bool random = true;
  bool fast = false;
  PlanTargets targets;
  AlternativePricing alternatives;
  Pricing pricing;
  std::optional<std::string> screen_not_applicable;  // why the Markov screen does not apply
  std::vector<CandidateResult> candidates;           // in evaluation order
  std::vector<AlternativeResult> alternative_options;
  std::optional<std::size_t> recommendation;  // index into candidates
  // Whether BYOIP ownership has a price (/pricing/byoip_price_per_address > 0). When it has
  // none, BYOIP candidates are ranked on running cost alone and the recommendation says so.
  bool byoip_priced = true;
  std::string recommendation_caveat;  // "" or why its cost is not the whole cost
  std::vector<BreakEven> break_even;
  std::optional<BaselineResult> baseline;
  std::vector<std::string> notes;
};

// The candidate that is the scenario as it is (CandidateResult::current), or null.
const CandidateResult* current_candidate(const PlanResult& plan);

// Runs the plan. Throws InputError for a bad scenario or bad options (one line each).
PlanResult plan(const PlanOptions& options);

// plan.json text ("schema": "albsim.plan/1").
std::string plan_to_json(const PlanResult& plan);

// The table for people, recommendation on top.
void print_plan(std::ostream& out, const PlanResult& plan);

// plan.md: a pull-request comment (GitHub Markdown, at most 65,536 characters): the verdict on
// the pool as it is, its monthly cost before and after the change, the one line to change and
// what it costs; every candidate, the notes and the Terraform folded in <details>. It starts
// with the line `<!-- albsim-plan POOL -->`, by which a CI job finds the comment to update.
std::string plan_markdown(const PlanResult& plan);

// A Terraform snippet provisioning the recommendation, in `terraform fmt` layout; empty when
// there is no recommendation or it is managed-only.
std::string plan_terraform(const PlanResult& plan);

}  // namespace albsim
