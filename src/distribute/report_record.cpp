#include "distribute/report_record.hpp"

#include "distribute/byte_codec.hpp"

namespace albsim {
namespace {

// Every figure of albsim/report.hpp's schema, written in the order its visitors name them.
struct FigureWriter {
  ByteWriter& w;
  void operator()(const Figure&, std::uint64_t v) const { w.u64(v); }
  void operator()(const Figure&, double v) const { w.f64(v); }
  void operator()(const Figure&, const std::optional<double>& v) const { w.optional_f64(v); }
};

struct FigureReader {
  ByteReader& r;
  void operator()(const Figure&, std::uint64_t& v) const { v = r.u64(); }
  void operator()(const Figure&, double& v) const { v = r.f64(); }
  void operator()(const Figure&, std::optional<double>& v) const { v = r.optional_f64(); }
};

// The names of the figures, in record order, hashed for the schema's fingerprint.
struct FigureNames {
  Fnv1a64& hash;
  void operator()(const Figure& figure, const auto&) const {
    hash.add(figure.key);
    hash.add(";");
  }
};

// Allowlist figures, which a load balancer without an allowlist (and a fleet without any) has
// none of: a presence flag, then the figures.
void write_allowlist(ByteWriter& w, const std::optional<AllowlistMetrics>& a) {
  w.u64(a ? 1 : 0);
  if (a) visit_figures(*a, FigureWriter{w});
}

std::optional<AllowlistMetrics> read_allowlist(ByteReader& r) {
  const std::uint64_t present = r.u64();
  if (present > 1) throw CorruptRecord("a record holds a bad allowlist flag");
  if (present == 0) return std::nullopt;
  AllowlistMetrics a;
  visit_figures(a, FigureReader{r});
  return a;
}

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

}  // namespace

std::string encode_report(const Report& report) {
  ByteWriter w;
  const FigureWriter figures{w};
  w.f64(report.horizon_hours);
  w.u64(report.load_balancers.size());
  for (const LoadBalancerReport& lb : report.load_balancers) {
    w.text(lb.id);
    visit_figures(lb.addresses, figures);
    write_allowlist(w, lb.allowlist);
    visit_figures(lb.cost, figures);
    write_cidrs(w, lb.outside_cidrs);
    write_cidrs(w, lb.outside_aws_prefixes);
  }
  w.u64(report.pools.size());
  for (const PoolReport& p : report.pools) {
    w.text(p.id);
    w.u64(p.source == PoolSource::amazon ? 1 : 0);
    visit_figures(p, figures);
  }
  visit_figures(report.cost, figures);
  write_allowlist(w, report.allowlist);
  return w.take();
}

Report decode_report(std::string_view bytes) {
  ByteReader r(bytes);
  const FigureReader figures{r};
  Report report;
  report.horizon_hours = r.f64();
  report.load_balancers.resize(r.count(8));
  for (LoadBalancerReport& lb : report.load_balancers) {
    lb.id = r.text();
    visit_figures(lb.addresses, figures);
    lb.allowlist = read_allowlist(r);
    visit_figures(lb.cost, figures);
    lb.outside_cidrs = read_cidrs(r);
    lb.outside_aws_prefixes = read_cidrs(r);
  }
  report.pools.resize(r.count(8));
  for (PoolReport& p : report.pools) {
    p.id = r.text();
    const std::uint64_t source = r.u64();
    if (source > 1) throw CorruptRecord("a record holds an unknown pool source");
    p.source = source == 1 ? PoolSource::amazon : PoolSource::byoip;
    visit_figures(p, figures);
  }
  visit_figures(report.cost, figures);
  report.allowlist = read_allowlist(r);
  r.expect_end();
  return report;
}

std::string report_schema_fingerprint() {
  Fnv1a64 hash;
  const FigureNames visit{hash};
  const AddressMetrics addresses;
  const AllowlistMetrics allowlist;
  const CostBreakdown cost;
  const PoolReport pool;
  visit_figures(addresses, visit);
  hash.add("allowlist?;");  // present or not
  visit_figures(allowlist, visit);
  visit_figures(cost, visit);
  visit_figures(pool, visit);
  return hash.hex();
}

}  // namespace albsim
