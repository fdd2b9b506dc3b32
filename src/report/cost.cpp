#include "report/cost.hpp"

#include <cmath>

#include "albsim/input_error.hpp"

namespace albsim {
namespace {

// Every figure of a priced report is finite (report.json would print an infinite one as null):
// the scenario's bounds on prices and horizon keep them so, and this states it where money is
// summed, naming the inputs that would be at fault.
void check_finite(const Scenario& scenario, const Report& report) {
  const CostBreakdown& c = report.cost;
  for (const double usd : {c.managed_ipv4, c.amazon_blocks, c.byoip_ownership, c.ipam, c.total,
                           c.managed_only, c.saving})
    if (!std::isfinite(usd))
      throw InputError(scenario.file, "/pricing",
                       "the IPv4 cost does not fit a number (the prices times the address-hours "
                       "overflow); give prices per IP-hour and per address as AWS states them");
}

// Address-hours provisioned in top-level pools of `source`. Child pools lie inside their
// parents: not counted.
AddressHours provisioned_address_hours(const Scenario& scenario, PoolSource source) {
  AddressHours total;
  for (std::size_t i = 0; i < scenario.pools.size(); ++i) {
    const PoolSpec& pool = scenario.pools[i];
    if (!pool.parent && pool.source == source) total += pool_address_hours(scenario, i);
  }
  return total;
}

}  // namespace

AddressHours pool_address_hours(const Scenario& scenario, std::size_t pool) {
  double total = 0;
  const double horizon_h = scenario.horizon.hours_f();
  for (const Cidr& cidr : scenario.pools[pool].cidrs)
    total += static_cast<double>(cidr.size()) * horizon_h;
  for (const EventSpec& e : scenario.events)
    if (const auto* add = e.as<AddCidrEvent>(); add && add->pool == pool)
      total += static_cast<double>(add->cidr.size()) * (scenario.horizon - e.at).hours_f();
  return AddressHours(total);
}

std::vector<std::size_t> owned_byoip_pools(const Scenario& scenario) {
  std::vector<std::size_t> owned;
  if (!scenario.pricing.byoip_owned) {
    for (std::size_t i = 0; i < scenario.pools.size(); ++i)
      if (!scenario.pools[i].parent && scenario.pools[i].source == PoolSource::byoip)
        owned.push_back(i);
    return owned;
  }
  // The BYOIP pools load balancers draw from, each counted once (a pool inside one already
  // counted is not).
  std::vector<bool> drawn(scenario.pools.size(), false);
  for (std::size_t lb = 0; lb < scenario.load_balancers.size(); ++lb)
    for (const std::size_t pool : pools_drawn_by(scenario, lb)) drawn[pool] = true;
  for (const std::size_t i : scenario.pools_top_down) {
    if (scenario.pools[i].source != PoolSource::byoip || !drawn[i]) continue;
    bool inside_counted = false;
    for (auto p = scenario.pools[i].parent; p && !inside_counted; p = scenario.pools[*p].parent)
      inside_counted = drawn[*p];
    if (!inside_counted) owned.push_back(i);
  }
  return owned;
}

AddressHours byoip_owned_address_hours(const Scenario& scenario) {
  AddressHours total;
  for (const std::size_t i : owned_byoip_pools(scenario)) total += pool_address_hours(scenario, i);
  return total;
}

UsdPerAddressHour byoip_ownership_per_address_hour(const Pricing& price) {
  // The purchase spread over the amortization's hours.
  return UsdPerAddressHour(
      (price.byoip_price_per_address / price.byoip_amortize_months / kHoursPerMonth).value());
}

UsdPerAddressHour ipam_rate(const Pricing& price) {
  return price.ipam_advanced ? price.ipam_advanced_per_ip_hour : UsdPerAddressHour(0);
}

void price_report(const Scenario& scenario, Report& report) {
  const Pricing& price = scenario.pricing;
  AddressHours managed_hours;
  AddressHours lb_hours;
  for (LoadBalancerReport& lb : report.load_balancers) {
    const AddressHours managed(lb.addresses.managed_address_hours);
    const AddressHours pool(lb.addresses.pool_address_hours);
    lb.cost.managed_ipv4 = (managed * price.public_ipv4_per_ip_hour).value();
    lb.cost.managed_only = ((managed + pool) * price.public_ipv4_per_ip_hour).value();
    lb.cost.saving = lb.cost.managed_only - lb.cost.managed_ipv4;
    managed_hours += managed;
    lb_hours += managed + pool;
  }

  CostBreakdown& c = report.cost;
  c.managed_ipv4 = (managed_hours * price.public_ipv4_per_ip_hour).value();
  c.amazon_blocks =
      (provisioned_address_hours(scenario, PoolSource::amazon) * price.amazon_block_per_ip_hour)
          .value();
  c.byoip = 0;
  c.byoip_ownership =
      (byoip_owned_address_hours(scenario) * byoip_ownership_per_address_hour(price)).value();
  AddressHours pool_in_use_hours;
  for (const PoolReport& pool : report.pools)
    pool_in_use_hours += AddressHours(pool.in_use_address_hours);
  c.ipam = (pool_in_use_hours * ipam_rate(price)).value();
  c.total = c.managed_ipv4 + c.amazon_blocks + c.byoip + c.byoip_ownership + c.ipam;
  c.managed_only = (lb_hours * price.public_ipv4_per_ip_hour).value();
  c.saving = c.managed_only - c.total;
  check_finite(scenario, report);
}

}  // namespace albsim
