#include <nlohmann/json.hpp>

#include "albsim/load_scenario.hpp"
#include "albsim/plan.hpp"
#include "report/finite_json.hpp"
#include "report/inputs_json.hpp"
#include "report/text_format.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

const char* kind_name(CandidateKind k) {
  switch (k) {
    case CandidateKind::byoip:
      return "byoip";
    case CandidateKind::amazon:
      return "amazon";
    case CandidateKind::managed_only:
      return "managed_only";
  }
  return "";
}

Json interval_json(const Interval& i) {
  return {{"estimate", i.estimate}, {"low", i.low}, {"high", i.high}};
}

Json cost_json(const MonthlyCost& c) {
  return {{"managed_ipv4", c.managed_ipv4},
          {"amazon_blocks", c.amazon_blocks},
          {"byoip_ownership", c.byoip_ownership},
          {"ipam", c.ipam},
          {"nlb", c.nlb},
          {"accelerator", c.accelerator},
          {"cloudfront", c.cloudfront},
          {"total", c.total}};
}

// `fast`: judged by the Markov screen, so there are no runs and no breach minutes.
// Overrides as the arguments of --set.
Json set_arguments(const std::vector<Override>& overrides) {
  Json sets = Json::array();
  for (const Override& o : overrides) sets.push_back(o.pointer + "=" + o.value);
  return sets;
}

Json candidate_json(const CandidateResult& c, bool fast) {
  Json j{{"name", c.name}, {"kind", kind_name(c.kind)}, {"verdict", verdict_name(c.verdict)}};
  if (c.current) j["current"] = true;
  if (c.kind != CandidateKind::managed_only) j["netmask"] = c.netmask;
  if (c.kind == CandidateKind::amazon) j["blocks"] = c.blocks;
  if (c.verdict == Verdict::not_possible) {
    j["not_possible"] = c.not_possible;
    return j;
  }
  j["addresses"] = c.addresses;
  Json cidrs = Json::array();
  for (const Cidr& cidr : c.cidrs) cidrs.push_back(cidr.to_string());
  j["cidrs"] = cidrs;
  if (!fast) {
    j["replications"] = c.replications;
    j["stopped_early"] = c.stopped_early;
  }
  j["breach_probability"] = interval_json(c.breach_probability);
  if (!fast) j["breach_minutes_per_month"] = interval_json(c.breach_minutes_per_month);
  j["in_allowlist"] = interval_json(c.in_allowlist);
  j["cost_per_month"] = cost_json(c.cost);
  if (c.screen)
    j["screen"] = {{"time_over_capacity", c.screen->time_over_capacity},
                   {"breach_probability", c.screen->breach_probability},
                   {"in_allowlist", c.screen->in_allowlist},
                   {"managed_addresses", c.screen->managed_addresses}};
  j["reasons"] = c.reasons;
  j["reproduce_with_set"] = set_arguments(c.overrides);
  return j;
}

}  // namespace

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::meets:
      return "meets";
    case Verdict::fails:
      return "fails";
    case Verdict::uncertain:
      return "uncertain";
    case Verdict::not_possible:
      return "not possible";
  }
  return "";
}

std::string plan_to_json(const PlanResult& p) {
  Json j;
  j["schema"] = "albsim.plan/1";
  j["scenario"] = p.scenario_name;
  j["overrides"] = set_arguments(p.overrides);
  j["pool"] = p.pool;
  j["load_balancers"] = p.load_balancers;
  j["region"] = p.region;
  j["inputs"] = trace_inputs_json(p.trace_inputs);
  j["warnings"] = p.warnings;
  j["horizon_hours"] = p.horizon_hours;
  j["monthly_basis"] = monthly_basis(p.horizon_hours);  // every cost is per 730-hour month
  j["method"] = p.fast ? "markov_screen" : "simulation";
  j["replications_per_candidate_at_most"] = p.budget;
  j["random"] = p.random;
  Json targets{{"max_breach_probability", p.targets.max_breach_probability},
               {"min_in_allowlist", p.targets.min_in_allowlist}};
  if (p.targets.max_breach_minutes_per_month)
    targets["max_breach_minutes_per_month"] = *p.targets.max_breach_minutes_per_month;
  j["targets"] = targets;
  j["rule"] =
      "95% intervals (Wilson for P(breach), normal for means); a target is met when the "
      "pessimistic end meets it, missed when the optimistic end misses it";
  j["recommendation"] = p.recommendation ? Json(p.candidates[*p.recommendation].name) : Json();
  j["recommendation_caveat"] =
      p.recommendation_caveat.empty() ? Json() : Json(p.recommendation_caveat);
  j["byoip_ownership_priced"] = p.byoip_priced;
  const CandidateResult* now = current_candidate(p);
  j["current"] = now ? Json(now->name) : Json();
  if (p.baseline)
    j["baseline"] = {{"scenario", p.baseline->scenario},
                     {"replications", p.baseline->replications},
                     {"load_balancers", p.baseline->load_balancers},
                     {"cost_per_month", cost_json(p.baseline->cost)}};
  Json candidates = Json::array();
  for (const CandidateResult& c : p.candidates) candidates.push_back(candidate_json(c, p.fast));
  j["candidates"] = candidates;
  Json alternatives = Json::array();
  for (const AlternativeResult& a : p.alternative_options)
    alternatives.push_back(
        {{"name", a.name}, {"addresses", a.addresses}, {"cost_per_month", cost_json(a.cost)}});
  j["alternatives"] = alternatives;
  Json break_even = Json::array();
  for (const BreakEven& b : p.break_even)
    break_even.push_back(
        {{"byoip", b.byoip},
         {"versus", b.versus},
         {"versus_verdict", verdict_name(b.versus_verdict)},
         {"purchase", b.purchase},
         {"block_purchase", b.block_purchase},
         {"attributed", b.attributed},
         {"basis", b.owned ? "owned block: the candidate's share"
                           : "the purchase of the block it is carved from (at least a /24)"},
         {"month", b.month ? Json(*b.month) : Json()}});
  j["break_even"] = break_even;
  j["screen_not_applicable"] = p.screen_not_applicable ? Json(*p.screen_not_applicable) : Json();
  j["pricing"] = {{"public_ipv4_per_ip_hour", p.pricing.public_ipv4_per_ip_hour.value()},
                  {"amazon_block_per_ip_hour", p.pricing.amazon_block_per_ip_hour.value()},
                  {"ipam_tier", p.pricing.ipam_advanced ? "advanced" : "free"},
                  {"ipam_advanced_per_ip_hour", p.pricing.ipam_advanced_per_ip_hour.value()},
                  {"byoip_price_per_address", p.pricing.byoip_price_per_address.value()},
                  {"byoip_amortize_months", p.pricing.byoip_amortize_months},
                  {"byoip_owned", p.pricing.byoip_owned}};
  const AlternativePricing& a = p.alternatives;
  j["assumptions"] = {{"nlb_per_hour", a.nlb_per_hour},
                      {"nlcu_per_hour", a.nlcu_per_hour},
                      {"gb_per_nlcu_hour", a.gb_per_nlcu_hour},
                      {"accelerator_per_hour", a.accelerator_per_hour},
                      {"accelerator_premium_per_gb", a.accelerator_premium_per_gb},
                      {"gb_per_lcu_hour", a.gb_per_lcu_hour},
                      {"cloudfront_anycast_per_month", a.cloudfront_anycast_per_month}};
  j["notes"] = p.notes;
  require_finite_numbers(j, "plan.json");
  return json_output_text(j) + "\n";
}

}  // namespace albsim
