#include "reference/compare_runs.hpp"

#include <cmath>
#include <optional>
#include <sstream>
#include <utility>
#include <variant>

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

// Every figure a visit_*() of albsim/report.hpp names, in order, with its value.
struct Figures {
  std::vector<std::pair<std::string, std::variant<std::uint64_t, double, std::optional<double>>>>
      list;
  void operator()(const Figure& figure, const auto& value) { list.emplace_back(figure.key, value); }
};

// Compares the figures `visit(x, sink)` names in `a` and in `b`.
template <class T, class Visit>
void compare(Differences& d, const std::string& at, const T& a, const T& b, Visit visit) {
  Figures fa, fb;
  visit(a, fa);
  visit(b, fb);
  for (std::size_t i = 0; i < fa.list.size(); ++i) {
    const std::string path = at + fa.list[i].first;
    const auto& x = fa.list[i].second;
    const auto& y = fb.list[i].second;
    if (const auto* n = std::get_if<std::uint64_t>(&x))
      d.exact(path, *n, std::get<std::uint64_t>(y));
    else if (const auto* r = std::get_if<double>(&x))
      d.real(path, *r, std::get<double>(y));
    else
      d.real(path, std::get<std::optional<double>>(x), std::get<std::optional<double>>(y));
  }
}

const auto kFigures = [](const auto& x, Figures& out) { visit_figures(x, out); };
const auto kLoadBalancerCost = [](const CostBreakdown& c, Figures& out) {
  visit_load_balancer_cost(c, out);
};

// Both without allowlist figures, or both with the same.
void compare_allowlists(Differences& d, const std::string& at,
                        const std::optional<AllowlistMetrics>& a,
                        const std::optional<AllowlistMetrics>& b) {
  d.exact(at + "present", a.has_value(), b.has_value());
  if (a && b) compare(d, at, *a, *b, kFigures);
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
    compare(d, at + "addresses/", x.addresses, y.addresses, kFigures);
    compare_allowlists(d, at + "allowlist/", x.allowlist, y.allowlist);
    compare(d, at + "cost/", x.cost, y.cost, kLoadBalancerCost);
    d.exact(at + "outside/cidrs", x.outside_cidrs, y.outside_cidrs);
  }
  for (std::size_t i = 0; i < a.pools.size(); ++i) {
    const PoolReport& x = a.pools[i];
    const PoolReport& y = b.pools[i];
    const std::string at = "pools/" + std::to_string(i) + "/";
    d.exact(at + "id", x.id, y.id);
    compare(d, at, x, y, kFigures);
  }
  compare(d, "cost/", a.cost, b.cost, kFigures);
  compare_allowlists(d, "allowlist/", a.allowlist, b.allowlist);
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
