// Pricing of a measured run (MODEL.md §6): fills every cost field of a report from its address
// figures and the scenario's pools and prices.
#pragma once

#include <vector>

#include "albsim/report.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

void price_report(const Scenario& scenario, Report& report);

// Address-hours of the pool's own CIDRs over [0, horizon), those of `add_cidr` events from
// their time on.
AddressHours pool_address_hours(const Scenario& scenario, std::size_t pool);

// The BYOIP pools ownership is charged for (MODEL.md §6, and albsim's `byoip_owned`): the
// top-level BYOIP pools, the blocks to buy (by index); with `byoip_owned` (the blocks are already
// yours) only the outermost BYOIP pools load balancers draw from, their share (top down).
std::vector<std::size_t> owned_byoip_pools(const Scenario& scenario);

// The address-hours of owned_byoip_pools(), summed in its order.
AddressHours byoip_owned_address_hours(const Scenario& scenario);

// The amortized purchase price of one BYOIP address per hour (0 without a price).
UsdPerAddressHour byoip_ownership_per_address_hour(const Pricing& price);

// What IPAM charges per pool address-hour allocated: the advanced tier's rate, or 0 (free).
UsdPerAddressHour ipam_rate(const Pricing& price);

}  // namespace albsim
