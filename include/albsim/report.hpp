// Report: every figure of one simulated run (MODEL.md §6-§8), and the writers that turn it into
// report.json, a summary table for people, and (streaming, during the run) timeseries.csv.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
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
  double demand_lcu_hours = 0;             // integral of d(t), surges included (not in report.json)
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

// Factor that turns a horizon total into a 730-hour month.
inline double monthly_factor(const Report& r) {
  return 730.0 / r.horizon_hours;
}

// report.json text ("schema": "albsim.report/1"), deterministic byte for byte. Replication 0
// is the concrete run; with more than one, a `distribution` object summarises them all.
std::string report_to_json(const Scenario& scenario, const std::vector<Report>& replications);

// A short table for people: per load balancer, per pool, fleet cost per month; with more than
// one replication, the distribution of the key figures.
void print_summary(std::ostream& out, const Scenario& scenario,
                   const std::vector<Report>& replications);

}  // namespace albsim
