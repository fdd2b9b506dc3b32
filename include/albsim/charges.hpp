// Charge lines: a run's IPv4 charges as AWS's bill itemizes them (MODEL.md §6 by usage type,
// UTC day and resource), each dollar attributed to a pool and a load balancer (or to the
// reservations or unused space of a pool).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "albsim/report.hpp"
#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

// What a line charges for, one per MODEL.md §6 category that costs money.
enum class ChargeKind {
  in_use_address,    // AWS-managed addresses held: <region>-PublicIPv4:InUseAddress
  contiguous_block,  // every address of an Amazon block: <region>-PublicIPv4:ContiguousBlock
  ipam_ip_hours,     // IPAM Advanced, per active IP: <region>-IPAddressManager-IP-Hours
  byoip_ownership,   // the BYOIP purchase, amortized: not on the AWS bill
};

struct ChargeLine {
  std::int64_t start_ms = 0;  // the charge period, UTC epoch milliseconds, [start, end)
  std::int64_t end_ms = 0;
  ChargeKind kind = ChargeKind::in_use_address;
  std::string usage_type;     // as AWS writes it, with the region's code
  std::string resource_id;    // the load balancer (in-use addresses), else the pool
  std::string load_balancer;  // whose addresses; empty for reservations and unused space
  std::string pool;           // where they come from; empty for AWS-managed addresses
  std::string consumer;       // "load balancer <id>", "reservations" or "unused"
  double quantity = 0;        // address-hours
  double unit_price = 0;      // USD per address-hour
  double cost = 0;            // USD: quantity x unit_price
};

struct ChargedRun {
  Report report;
  std::vector<ChargeLine> charges;  // by day, then kind, resource and consumer
};

// One run, as simulate(), with its charge lines: a line per UTC day (the first and last cut at
// the run's start and end), kind, resource and consumer with a non-zero quantity. Their costs
// sum to the report's cost.total. Throws InputError when the scenario has no `start` (a bill's
// lines are dated).
ChargedRun simulate_charged(const Scenario& scenario, const SimulationOptions& options = {});

// Throws, before any run, simulate_charged()'s InputError for a scenario without `start`, and an
// InputError naming `option` when `replications` runs' charge lines, all kept for their
// percentiles, could exceed kMaxChargeLines (bounded from the scenario: every load balancer
// charged every day in every pool it may hold addresses of).
inline constexpr std::uint64_t kMaxChargeLines = 5'000'000;
void check_chargeable(const Scenario& scenario, std::uint64_t replications = 1,
                      const std::string& option = "--replications");

// AWS's code of a Region in usage types ("us-east-1" -> "USE1"), and its name ("US East (N.
// Virginia)"); the Region itself and "" for one not in albsim's table.
std::string region_usage_code(const std::string& region);
std::string region_name(const std::string& region);

// The usage type of a kind in a Region ("USE1-PublicIPv4:InUseAddress"); ownership has none
// on AWS's bill and is named "BYOIP-Ownership".
std::string usage_type_of(ChargeKind kind, const std::string& region);

}  // namespace albsim
