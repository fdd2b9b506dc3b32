#include "reference/compare_runs.hpp"

#include <cmath>
#include <optional>
#include <sstream>

namespace albsim::reference {
namespace {

bool close(double a, double b) {
  return a == b || std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

class Differences {
 public:
  explicit Differences(std::size_t limit) : limit_(limit) {}
  template <class T>
  void exact(const std::string& path, const T& a, const T& b) {
    if (!(a == b)) add(path, text(a), text(b));
  }
  void real(const std::string& path, double a, double b) {
    if (!close(a, b)) add(path, text(a), text(b));
  }
  void real(const std::string& path, const std::optional<double>& a,
            const std::optional<double>& b) {
    if (a.has_value() != b.has_value() || (a && !close(*a, *b)))
      add(path, a ? text(*a) : "null", b ? text(*b) : "null");
  }
  std::vector<std::string> lines;

 private:
  template <class T>
  static std::string text(const T& value) {
    std::ostringstream out;
    out.precision(17);
    out << value;
    return out.str();
  }
  static std::string text(const std::vector<Cidr>& cidrs) {
    std::string out;
    for (const Cidr& c : cidrs) out += (out.empty() ? "" : " ") + c.to_string();
    return "[" + out + "]";
  }
  template <class T>
  static std::string text(const std::vector<T>& values) {
    std::string out;
    for (const T& v : values) out += (out.empty() ? "" : " ") + std::to_string(v);
    return "[" + out + "]";
  }
  void add(const std::string& path, const std::string& a, const std::string& b) {
    if (lines.size() < limit_) lines.push_back(path + ": " + a + " vs " + b);
  }
  std::size_t limit_;
};

void compare(Differences& d, const std::string& at, const AllowlistMetrics& a,
             const AllowlistMetrics& b) {
  d.real(at + "in_allowlist_ratio", a.in_allowlist_ratio, b.in_allowlist_ratio);
  d.exact(at + "breach_episodes", a.breach_episodes, b.breach_episodes);
  d.real(at + "breach_seconds", a.breach_seconds, b.breach_seconds);
  d.real(at + "longest_breach_s", a.longest_breach_s, b.longest_breach_s);
  d.real(at + "first_breach_s", a.first_breach_s, b.first_breach_s);
  d.exact(at + "distinct_outside_addresses", a.distinct_outside_addresses,
          b.distinct_outside_addresses);
  d.exact(at + "dns_changes", a.dns_changes, b.dns_changes);
  d.real(at + "client_failure_ratio", a.client_failure_ratio, b.client_failure_ratio);
}

void compare(Differences& d, const std::string& at, const CostBreakdown& a,
             const CostBreakdown& b) {
  using Field = double CostBreakdown::*;
  static const std::pair<const char*, Field> kFields[] = {
      {"managed_ipv4", &CostBreakdown::managed_ipv4},
      {"amazon_blocks", &CostBreakdown::amazon_blocks},
      {"byoip", &CostBreakdown::byoip},
      {"byoip_ownership", &CostBreakdown::byoip_ownership},
      {"ipam", &CostBreakdown::ipam},
      {"total", &CostBreakdown::total},
      {"managed_only", &CostBreakdown::managed_only},
      {"saving", &CostBreakdown::saving}};
  for (const auto& [name, field] : kFields) d.real(at + name, a.*field, b.*field);
}

}  // namespace

std::vector<std::string> report_differences(const Report& a, const Report& b, std::size_t limit) {
  Differences d(limit);
  d.real("horizon_hours", a.horizon_hours, b.horizon_hours);
  d.exact("load_balancers/size", a.load_balancers.size(), b.load_balancers.size());
  d.exact("pools/size", a.pools.size(), b.pools.size());
  if (!d.lines.empty()) return d.lines;
  for (std::size_t i = 0; i < a.load_balancers.size(); ++i) {
    const LoadBalancerReport& x = a.load_balancers[i];
    const LoadBalancerReport& y = b.load_balancers[i];
    const std::string at = "load_balancers/" + std::to_string(i) + "/";
    d.exact(at + "id", x.id, y.id);
    d.exact(at + "addresses/peak_total", x.addresses.peak_total, y.addresses.peak_total);
    d.exact(at + "addresses/peak_pool", x.addresses.peak_pool, y.addresses.peak_pool);
    d.exact(at + "addresses/peak_managed", x.addresses.peak_managed, y.addresses.peak_managed);
    d.real(at + "addresses/pool_address_hours", x.addresses.pool_address_hours,
           y.addresses.pool_address_hours);
    d.real(at + "addresses/managed_address_hours", x.addresses.managed_address_hours,
           y.addresses.managed_address_hours);
    d.exact(at + "addresses/managed_acquisitions", x.addresses.managed_acquisitions,
            y.addresses.managed_acquisitions);
    compare(d, at + "allowlist/", x.allowlist, y.allowlist);
    compare(d, at + "cost/", x.cost, y.cost);
    d.exact(at + "outside/cidrs", x.outside_cidrs, y.outside_cidrs);
  }
  for (std::size_t i = 0; i < a.pools.size(); ++i) {
    const PoolReport& x = a.pools[i];
    const PoolReport& y = b.pools[i];
    const std::string at = "pools/" + std::to_string(i) + "/";
    d.exact(at + "capacity", x.capacity, y.capacity);
    d.exact(at + "peak_in_use", x.peak_in_use, y.peak_in_use);
    d.exact(at + "min_free", x.min_free, y.min_free);
    d.real(at + "utilization", x.utilization, y.utilization);
    d.real(at + "in_use_address_hours", x.in_use_address_hours, y.in_use_address_hours);
    d.real(at + "exhausted_seconds", x.exhausted_seconds, y.exhausted_seconds);
    d.exact(at + "exhaustion_episodes", x.exhaustion_episodes, y.exhaustion_episodes);
  }
  compare(d, "cost/", a.cost, b.cost);
  compare(d, "allowlist/", a.allowlist, b.allowlist);
  return d.lines;
}

std::vector<std::string> timeseries_differences(const std::vector<TimeseriesRow>& a,
                                                const std::vector<TimeseriesRow>& b,
                                                std::size_t limit) {
  Differences d(limit);
  d.exact("timeseries/rows", a.size(), b.size());
  for (std::size_t r = 0; r < std::min(a.size(), b.size()); ++r) {
    const std::string at = "timeseries/t=" + std::to_string(a[r].t.seconds()) + "s/";
    d.exact(at + "t_ms", a[r].t.ms(), b[r].t.ms());
    d.exact(at + "pool_in_use", a[r].pool_in_use, b[r].pool_in_use);
    for (std::size_t i = 0; i < std::min(a[r].load_balancers.size(), b[r].load_balancers.size());
         ++i) {
      const TimeseriesRow::LoadBalancer& x = a[r].load_balancers[i];
      const TimeseriesRow::LoadBalancer& y = b[r].load_balancers[i];
      const std::string lb = at + "lb" + std::to_string(i) + "/";
      d.exact(lb + "pool_addresses", x.pool_addresses, y.pool_addresses);
      d.exact(lb + "managed_addresses", x.managed_addresses, y.managed_addresses);
      d.exact(lb + "exposed_nodes", x.exposed_nodes, y.exposed_nodes);
      d.exact(lb + "outside_nodes", x.outside_nodes, y.outside_nodes);
      d.real(lb + "demand_lcu", x.demand_lcu, y.demand_lcu);
      d.exact(lb + "az_nodes", x.az_nodes, y.az_nodes);
    }
  }
  return d.lines;
}

}  // namespace albsim::reference
