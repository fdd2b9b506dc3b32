#include "report/cost.hpp"

namespace albsim {
namespace {

// Address-hours provisioned in top-level pools of `source`. Child pools lie inside their
// parents: not counted.
double provisioned_address_hours(const Scenario& scenario, PoolSource source) {
  double total = 0;
  for (std::size_t i = 0; i < scenario.pools.size(); ++i) {
    const PoolSpec& pool = scenario.pools[i];
    if (!pool.parent && pool.source == source) total += pool_address_hours(scenario, i);
  }
  return total;
}

}  // namespace

double pool_address_hours(const Scenario& scenario, std::size_t pool) {
  double total = 0;
  const double horizon_h = scenario.horizon.hours_f();
  for (const Cidr& cidr : scenario.pools[pool].cidrs)
    total += static_cast<double>(cidr.size()) * horizon_h;
  for (const EventSpec& e : scenario.events)
    if (const auto* add = e.as<AddCidrEvent>(); add && add->pool == pool)
      total += static_cast<double>(add->cidr.size()) * (scenario.horizon - e.at).hours_f();
  return total;
}

double byoip_ownership_per_address_hour(const Pricing& price) {
  return price.byoip_price_per_address / price.byoip_amortize_months / kHoursPerMonth;
}

void price_report(const Scenario& scenario, Report& report) {
  const Pricing& price = scenario.pricing;
  double managed_hours = 0;
  double lb_hours = 0;
  for (LoadBalancerReport& lb : report.load_balancers) {
    const AddressMetrics& a = lb.addresses;
    lb.cost.managed_ipv4 = a.managed_address_hours * price.public_ipv4_per_ip_hour;
    lb.cost.managed_only =
        (a.managed_address_hours + a.pool_address_hours) * price.public_ipv4_per_ip_hour;
    lb.cost.saving = lb.cost.managed_only - lb.cost.managed_ipv4;
    managed_hours += a.managed_address_hours;
    lb_hours += a.managed_address_hours + a.pool_address_hours;
  }

  CostBreakdown& c = report.cost;
  c.managed_ipv4 = managed_hours * price.public_ipv4_per_ip_hour;
  c.amazon_blocks =
      provisioned_address_hours(scenario, PoolSource::amazon) * price.amazon_block_per_ip_hour;
  c.byoip = 0;
  c.byoip_ownership = provisioned_address_hours(scenario, PoolSource::byoip) *
                      byoip_ownership_per_address_hour(price);
  double pool_in_use_hours = 0;
  for (const PoolReport& pool : report.pools) pool_in_use_hours += pool.in_use_address_hours;
  c.ipam = price.ipam_advanced ? pool_in_use_hours * price.ipam_advanced_per_ip_hour : 0.0;
  c.total = c.managed_ipv4 + c.amazon_blocks + c.byoip + c.byoip_ownership + c.ipam;
  c.managed_only = lb_hours * price.public_ipv4_per_ip_hour;
  c.saving = c.managed_only - c.total;
}

}  // namespace albsim
