#include "report/assemble_report.hpp"

#include <algorithm>

#include "report/cost.hpp"

namespace albsim {
namespace {

// The prefixes (ascending, disjoint as AWS publishes them) that hold any of `cidrs`.
std::vector<Cidr> prefixes_holding(const std::vector<Cidr>& prefixes,
                                   const std::vector<Cidr>& cidrs) {
  std::vector<Cidr> out;
  for (const Cidr& c : cidrs) {
    auto it = std::upper_bound(prefixes.begin(), prefixes.end(), c);
    while (it != prefixes.begin()) {
      --it;
      if (it->contains(c)) {
        if (std::find(out.begin(), out.end(), *it) == out.end()) out.push_back(*it);
        break;
      }
      if (it->last() < c.first()) break;
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Report assemble_report(const Scenario& scenario, Report report) {
  for (std::size_t i = 0; i < scenario.load_balancers.size(); ++i)
    report.load_balancers[i].id = scenario.load_balancers[i].id;
  for (std::size_t i = 0; i < scenario.pools.size(); ++i) {
    report.pools[i].id = scenario.pools[i].id;
    report.pools[i].source = scenario.pools[i].source;
  }
  if (scenario.managed_ranges)
    for (LoadBalancerReport& lb : report.load_balancers)
      lb.outside_aws_prefixes =
          prefixes_holding(scenario.managed_ranges->prefixes, lb.outside_cidrs);
  price_report(scenario, report);
  return report;
}

}  // namespace albsim
