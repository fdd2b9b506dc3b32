// Report: every figure of one simulated run (MODEL.md §6-§8). Plain data; the writers are in
// report_output.hpp.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
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
  double exposed_node_hours = 0;  // node-time in DNS: in_allowlist_ratio's denominator
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
  std::optional<AllowlistMetrics> allowlist;  // none: it has no allowlist (LoadBalancerSpec)
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
  std::optional<double> utilization;     // none when capacity was always 0
  double in_use_address_hours = 0;       // nodes and reservations
  double reservation_address_hours = 0;  // the pool's reservations (within in_use)
  double exhausted_seconds = 0;
  std::uint64_t exhaustion_episodes = 0;
};

struct Report {
  double horizon_hours = 0;
  std::vector<LoadBalancerReport> load_balancers;
  std::vector<PoolReport> pools;
  CostBreakdown cost;
  std::optional<AllowlistMetrics> allowlist;  // over the load balancers that have one; none if none
};

// How a figure behaves as the window grows: a `level` holds whatever the window's length (a peak,
// a count of distinct things, a moment), a `ratio` is a level in [0, 1], and a figure that
// `accrues` grows with the window (address-hours, episodes, dollars), so a month's worth of it
// (x kHoursPerMonth / horizon) compares windows of different lengths.
enum class FigureScale { level, ratio, accrues };

// A figure's name in report.json and its scale.
struct Figure {
  const char* key;
  FigureScale scale;
};

// The schema of the figures, written once. Each visit_*() names every figure of its struct, in
// report.json's order, to `visit(Figure, field)` (the field const or not as the struct is):
// report.json and the distribution across replications (report/metrics_layout.hpp), the shard
// records (distribute/report_record.cpp), the comparison with an observed report
// (cli/observed_comparison.cpp) and the tests' comparisons all walk these, so a new figure is its
// member and its line here. Fields are std::uint64_t, double or std::optional<double> (null when
// there is no value).
template <class Addresses, class Visit>
requires std::same_as<std::remove_const_t<Addresses>, AddressMetrics>
void visit_figures(Addresses& a, Visit&& visit) {
  visit({"peak_total", FigureScale::level}, a.peak_total);
  visit({"peak_pool", FigureScale::level}, a.peak_pool);
  visit({"peak_managed", FigureScale::level}, a.peak_managed);
  visit({"pool_address_hours", FigureScale::accrues}, a.pool_address_hours);
  visit({"managed_address_hours", FigureScale::accrues}, a.managed_address_hours);
  visit({"managed_acquisitions", FigureScale::accrues}, a.managed_acquisitions);
}

template <class Allowlist, class Visit>
requires std::same_as<std::remove_const_t<Allowlist>, AllowlistMetrics>
void visit_figures(Allowlist& a, Visit&& visit) {
  visit({"in_allowlist_ratio", FigureScale::ratio}, a.in_allowlist_ratio);
  visit({"breach_episodes", FigureScale::accrues}, a.breach_episodes);
  visit({"breach_seconds", FigureScale::accrues}, a.breach_seconds);
  visit({"longest_breach_s", FigureScale::level}, a.longest_breach_s);
  visit({"first_breach_s", FigureScale::level}, a.first_breach_s);
  visit({"distinct_outside_addresses", FigureScale::level}, a.distinct_outside_addresses);
  visit({"dns_changes", FigureScale::accrues}, a.dns_changes);
  visit({"client_failure_ratio", FigureScale::ratio}, a.client_failure_ratio);
  visit({"exposed_node_hours", FigureScale::accrues}, a.exposed_node_hours);
}

// Every category of the fleet's cost (MODEL.md §6).
template <class Cost, class Visit>
requires std::same_as<std::remove_const_t<Cost>, CostBreakdown>
void visit_figures(Cost& c, Visit&& visit) {
  visit({"managed_ipv4", FigureScale::accrues}, c.managed_ipv4);
  visit({"amazon_blocks", FigureScale::accrues}, c.amazon_blocks);
  visit({"byoip", FigureScale::accrues}, c.byoip);
  visit({"byoip_ownership", FigureScale::accrues}, c.byoip_ownership);
  visit({"ipam", FigureScale::accrues}, c.ipam);
  visit({"total", FigureScale::accrues}, c.total);
  visit({"managed_only", FigureScale::accrues}, c.managed_only);
  visit({"saving", FigureScale::accrues}, c.saving);
}

// What a load balancer's own cost reports (MODEL.md §6: the rest belongs to pools).
template <class Cost, class Visit>
requires std::same_as<std::remove_const_t<Cost>, CostBreakdown>
void visit_load_balancer_cost(Cost& c, Visit&& visit) {
  visit({"managed_ipv4", FigureScale::accrues}, c.managed_ipv4);
  visit({"managed_only", FigureScale::accrues}, c.managed_only);
  visit({"saving", FigureScale::accrues}, c.saving);
}

// A pool's figures (its id and source are not figures).
template <class Pool, class Visit>
requires std::same_as<std::remove_const_t<Pool>, PoolReport>
void visit_figures(Pool& p, Visit&& visit) {
  visit({"capacity", FigureScale::level}, p.capacity);
  visit({"peak_in_use", FigureScale::level}, p.peak_in_use);
  visit({"min_free", FigureScale::level}, p.min_free);
  visit({"utilization", FigureScale::ratio}, p.utilization);
  visit({"in_use_address_hours", FigureScale::accrues}, p.in_use_address_hours);
  visit({"reservation_address_hours", FigureScale::accrues}, p.reservation_address_hours);
  visit({"exhausted_seconds", FigureScale::accrues}, p.exhausted_seconds);
  visit({"exhaustion_episodes", FigureScale::accrues}, p.exhaustion_episodes);
}

// A month for cost projection (MODEL.md §1).
inline constexpr double kHoursPerMonth = 730.0;

// Factor that turns a horizon total into a month.
inline double monthly_factor(const Report& r) {
  return kHoursPerMonth / r.horizon_hours;
}

}  // namespace albsim
