#include "plan/plan_costs.hpp"

#include <algorithm>
#include <cmath>

#include "report/cost.hpp"

namespace albsim {
namespace {

// Block and ownership charges of the planned pool, per month; they do not depend on the run.
// A BYOIP candidate is charged as `albsim run` charges it: the whole block it is carved from
// (the top-level pool) when that must be bought, its own addresses when `byoip_owned`.
void add_pool_charges(const Scenario& scenario, const PlanTarget& target, CandidateKind kind,
                      MonthlyCost& c) {
  if (kind == CandidateKind::managed_only) return;
  const auto per_month = [&](std::size_t pool) {
    return pool_address_hours(scenario, pool) * kHoursPerMonth / scenario.horizon.hours_f();
  };
  if (kind == CandidateKind::amazon) {
    c.amazon_blocks = (per_month(target.pool) * scenario.pricing.amazon_block_per_ip_hour).value();
    return;
  }
  if (scenario.pricing.byoip_owned) {
    c.byoip_ownership =
        (per_month(target.pool) * byoip_ownership_per_address_hour(scenario.pricing)).value();
    return;
  }
  // The block to buy: the top-level pool the candidate is carved from, at least a /24 (the most
  // specific prefix AWS accepts; a new pool's placeholder space may be smaller).
  std::size_t block = target.pool;
  while (scenario.pools[block].parent) block = *scenario.pools[block].parent;
  const AddressHours smallest_block(256.0 * kHoursPerMonth);
  c.byoip_ownership = (std::max(per_month(block), smallest_block) *
                       byoip_ownership_per_address_hour(scenario.pricing))
                          .value();
}

void add_total(MonthlyCost& c) {
  c.total = c.managed_ipv4 + c.amazon_blocks + c.byoip_ownership + c.ipam + c.nlb + c.accelerator +
            c.cloudfront;
}

}  // namespace

MonthlyCost candidate_cost(const Scenario& scenario, const Report& report, const PlanTarget& target,
                           CandidateKind kind) {
  MonthlyCost c;
  const double per_month = monthly_factor(report);
  for (const std::size_t j : target.load_balancers)
    c.managed_ipv4 += report.load_balancers[j].cost.managed_ipv4 * per_month;
  add_pool_charges(scenario, target, kind, c);
  if (kind != CandidateKind::managed_only)
    c.ipam = (AddressHours(report.pools[target.pool].in_use_address_hours) *
              ipam_rate(scenario.pricing) * per_month)
                 .value();
  add_total(c);
  return c;
}

MonthlyCost screened_cost(const Scenario& scenario, const PlanTarget& target, CandidateKind kind,
                          const ScreenEstimate& screen) {
  MonthlyCost c;
  c.managed_ipv4 = (AddressHours(screen.managed_addresses * kHoursPerMonth) *
                    scenario.pricing.public_ipv4_per_ip_hour)
                       .value();
  add_pool_charges(scenario, target, kind, c);
  if (kind != CandidateKind::managed_only)
    c.ipam = (AddressHours(screen.pool_addresses * kHoursPerMonth) * ipam_rate(scenario.pricing))
                 .value();
  add_total(c);
  return c;
}

std::vector<AlternativeResult> alternative_costs(const Scenario& scenario, const PlanTarget& target,
                                                 double lcu_hours_per_month,
                                                 const AlternativePricing& price) {
  const double balancers = static_cast<double>(target.load_balancers.size());
  std::size_t azs = 0;
  for (const std::size_t j : target.load_balancers) azs += scenario.load_balancers[j].azs.size();
  const double gb_per_month = lcu_hours_per_month * price.gb_per_lcu_hour;

  MonthlyCost nlb;
  nlb.nlb = balancers * kHoursPerMonth * price.nlb_per_hour +
            gb_per_month / price.gb_per_nlcu_hour * price.nlcu_per_hour;
  MonthlyCost nlb_amazon = nlb;
  // One Elastic IP per AZ, all month.
  const AddressHours eip_hours(static_cast<double>(azs) * kHoursPerMonth);
  nlb_amazon.managed_ipv4 = (eip_hours * scenario.pricing.public_ipv4_per_ip_hour).value();
  add_total(nlb_amazon);
  // BYOIP Elastic IPs come from a /24 too: bought whole, or the EIPs' share of one owned.
  MonthlyCost nlb_byoip = nlb;
  const AddressHours owned_hours =
      scenario.pricing.byoip_owned
          ? eip_hours
          : AddressHours(static_cast<double>(std::max<std::size_t>(azs, 256)) * kHoursPerMonth);
  nlb_byoip.byoip_ownership =
      (owned_hours * byoip_ownership_per_address_hour(scenario.pricing)).value();
  add_total(nlb_byoip);
  MonthlyCost accelerator;
  accelerator.accelerator = balancers * kHoursPerMonth * price.accelerator_per_hour +
                            gb_per_month * price.accelerator_premium_per_gb;
  add_total(accelerator);

  // One list serves every load balancer of the plan as CloudFront origins; CloudFront's own
  // request and data-transfer charges are not included.
  MonthlyCost cloudfront;
  cloudfront.cloudfront = price.cloudfront_anycast_per_month;
  add_total(cloudfront);

  const std::string eips = std::to_string(azs) + " Elastic IPs (one per AZ)";
  return {{"NLB in front, Amazon EIPs", nlb_amazon, eips},
          {"NLB in front, BYOIP EIPs", nlb_byoip, eips},
          {"Global Accelerator", accelerator,
           std::to_string(2 * target.load_balancers.size()) + " anycast IPs"},
          {"CloudFront Anycast Static IPs", cloudfront, "a list of 3 (or 21) anycast IPs"}};
}

std::optional<int> break_even_month(double purchase, double byoip_running, double versus_total) {
  const double saving_per_month = versus_total - byoip_running;
  if (saving_per_month <= 0) return std::nullopt;
  const double months = std::floor(purchase / saving_per_month) + 1;
  if (months > 1200) return std::nullopt;  // a century: never, for planning
  return static_cast<int>(months);
}

}  // namespace albsim
