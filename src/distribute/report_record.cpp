#include "distribute/report_record.hpp"

#include "distribute/byte_codec.hpp"

namespace albsim {
namespace {

void write_cidrs(ByteWriter& w, const std::vector<Cidr>& cidrs) {
  w.u64(cidrs.size());
  for (const Cidr& c : cidrs) {
    w.u64(c.base.value);
    w.u64(static_cast<std::uint64_t>(c.length));
  }
}

std::vector<Cidr> read_cidrs(ByteReader& r) {
  std::vector<Cidr> cidrs(r.count(16));
  for (Cidr& c : cidrs) {
    const std::uint64_t base = r.u64();
    const std::uint64_t length = r.u64();
    if (base > 0xFFFFFFFFULL || length > 32) throw CorruptRecord("a record holds a bad CIDR");
    c = {Ipv4{static_cast<std::uint32_t>(base)}, static_cast<int>(length)};
  }
  return cidrs;
}

void write_allowlist(ByteWriter& w, const AllowlistMetrics& a) {
  w.optional_f64(a.in_allowlist_ratio);
  w.u64(a.breach_episodes);
  w.f64(a.breach_seconds);
  w.f64(a.longest_breach_s);
  w.optional_f64(a.first_breach_s);
  w.u64(a.distinct_outside_addresses);
  w.u64(a.dns_changes);
  w.f64(a.client_failure_ratio);
}

AllowlistMetrics read_allowlist(ByteReader& r) {
  AllowlistMetrics a;
  a.in_allowlist_ratio = r.optional_f64();
  a.breach_episodes = r.u64();
  a.breach_seconds = r.f64();
  a.longest_breach_s = r.f64();
  a.first_breach_s = r.optional_f64();
  a.distinct_outside_addresses = r.u64();
  a.dns_changes = r.u64();
  a.client_failure_ratio = r.f64();
  return a;
}

void write_cost(ByteWriter& w, const CostBreakdown& c) {
  for (const double v : {c.managed_ipv4, c.amazon_blocks, c.byoip, c.byoip_ownership, c.ipam,
                         c.total, c.managed_only, c.saving})
    w.f64(v);
}

CostBreakdown read_cost(ByteReader& r) {
  CostBreakdown c;
  for (double* v : {&c.managed_ipv4, &c.amazon_blocks, &c.byoip, &c.byoip_ownership, &c.ipam,
                    &c.total, &c.managed_only, &c.saving})
    *v = r.f64();
  return c;
}

void write_load_balancer(ByteWriter& w, const LoadBalancerReport& lb) {
  w.text(lb.id);
  const AddressMetrics& a = lb.addresses;
  w.u64(a.peak_total);
  w.u64(a.peak_pool);
  w.u64(a.peak_managed);
  w.f64(a.pool_address_hours);
  w.f64(a.managed_address_hours);
  w.u64(a.managed_acquisitions);
  write_allowlist(w, lb.allowlist);
  write_cost(w, lb.cost);
  write_cidrs(w, lb.outside_cidrs);
  write_cidrs(w, lb.outside_aws_prefixes);
}

LoadBalancerReport read_load_balancer(ByteReader& r) {
  LoadBalancerReport lb;
  lb.id = r.text();
  AddressMetrics& a = lb.addresses;
  a.peak_total = r.u64();
  a.peak_pool = r.u64();
  a.peak_managed = r.u64();
  a.pool_address_hours = r.f64();
  a.managed_address_hours = r.f64();
  a.managed_acquisitions = r.u64();
  lb.allowlist = read_allowlist(r);
  lb.cost = read_cost(r);
  lb.outside_cidrs = read_cidrs(r);
  lb.outside_aws_prefixes = read_cidrs(r);
  return lb;
}

void write_pool(ByteWriter& w, const PoolReport& p) {
  w.text(p.id);
  w.u64(p.source == PoolSource::amazon ? 1 : 0);
  w.u64(p.capacity);
  w.u64(p.peak_in_use);
  w.u64(p.min_free);
  w.optional_f64(p.utilization);
  w.f64(p.in_use_address_hours);
  w.f64(p.exhausted_seconds);
  w.u64(p.exhaustion_episodes);
}

PoolReport read_pool(ByteReader& r) {
  PoolReport p;
  p.id = r.text();
  const std::uint64_t source = r.u64();
  if (source > 1) throw CorruptRecord("a record holds an unknown pool source");
  p.source = source == 1 ? PoolSource::amazon : PoolSource::byoip;
  p.capacity = r.u64();
  p.peak_in_use = r.u64();
  p.min_free = r.u64();
  p.utilization = r.optional_f64();
  p.in_use_address_hours = r.f64();
  p.exhausted_seconds = r.f64();
  p.exhaustion_episodes = r.u64();
  return p;
}

}  // namespace

std::string encode_report(const Report& report) {
  ByteWriter w;
  w.f64(report.horizon_hours);
  w.u64(report.load_balancers.size());
  for (const LoadBalancerReport& lb : report.load_balancers) write_load_balancer(w, lb);
  w.u64(report.pools.size());
  for (const PoolReport& p : report.pools) write_pool(w, p);
  write_cost(w, report.cost);
  write_allowlist(w, report.allowlist);
  return w.take();
}

Report decode_report(std::string_view bytes) {
  ByteReader r(bytes);
  Report report;
  report.horizon_hours = r.f64();
  report.load_balancers.resize(r.count(8));
  for (LoadBalancerReport& lb : report.load_balancers) lb = read_load_balancer(r);
  report.pools.resize(r.count(8));
  for (PoolReport& p : report.pools) p = read_pool(r);
  report.cost = read_cost(r);
  report.allowlist = read_allowlist(r);
  r.expect_end();
  return report;
}

}  // namespace albsim
