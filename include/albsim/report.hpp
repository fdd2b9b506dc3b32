// Report: every figure of one simulated run (MODEL.md §6-§8). Plain data; the writers are in
// report_output.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "albsim/scenario.hpp"

namespace albsim {

struct AddressMetrics {
  std::uint64_t peak_total = 0;
  std::uint64_t peak_pool = 0;
  std::uint64_t peak_managed = 0;
  double pool_address_hours = 0;
  double managed_address_hours = 0;
  std::uint64_t managed_acquisitions = 0;
};

struct AllowlistMetrics {
  std::optional<double> in_allowlist_ratio;  // none when nothing was ever exposed
  std::uint64_t breach_episodes = 0;
  double breach_seconds = 0;
  double longest_breach_s = 0;
  std::optional<double> first_breach_s;
  std::uint64_t distinct_outside_addresses = 0;
  std::uint64_t dns_changes = 0;
  double client_failure_ratio = 0;
};

// USD over the horizon. Per load balancer only managed_ipv4, managed_only and saving are set.
struct CostBreakdown {
  double managed_ipv4 = 0;
  double amazon_blocks = 0;
  double byoip = 0;
  double byoip_ownership = 0;
  double ipam = 0;
  double total = 0;
  double managed_only = 0;
  double saving = 0;
};

struct LoadBalancerReport {
  std::string id;
  AddressMetrics addresses;
  AllowlistMetrics allowlist;
  CostBreakdown cost;
  std::vector<Cidr> outside_cidrs;         // fewest CIDRs covering every outside address exposed
  std::vector<Cidr> outside_aws_prefixes;  // with managed_ranges: the AWS prefixes holding them
};

struct PoolReport {
  std::string id;
  PoolSource source = PoolSource::byoip;
  std::uint64_t capacity = 0;  // at the horizon
  std::uint64_t peak_in_use = 0;
  std::uint64_t min_free = 0;
  std::optional<double> utilization;  // none when capacity was always 0
  double in_use_address_hours = 0;    // nodes and reservations
  double exhausted_seconds = 0;
  std::uint64_t exhaustion_episodes = 0;
};

struct Report {
  double horizon_hours = 0;
  std::vector<LoadBalancerReport> load_balancers;
  std::vector<PoolReport> pools;
  CostBreakdown cost;
  AllowlistMetrics allowlist;
};

// A month for cost projection (MODEL.md §1).
inline constexpr double kHoursPerMonth = 730.0;

// Factor that turns a horizon total into a month.
inline double monthly_factor(const Report& r) {
  return kHoursPerMonth / r.horizon_hours;
}

}  // namespace albsim
