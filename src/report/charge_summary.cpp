// The attribution of charge lines (report/charge_attribution.hpp), and its table in the summary
// of `albsim run --charges` (albsim/report_output.hpp).
#include <map>
#include <tuple>

#include "albsim/report_output.hpp"
#include "report/charge_attribution.hpp"
#include "report/text_format.hpp"

namespace albsim {

std::vector<ChargeAttribution> attribute_charges(const std::vector<ChargeLine>& charges) {
  std::map<std::tuple<std::string, std::string, std::string>, ChargeAttribution> by_holder;
  for (const ChargeLine& line : charges) {
    ChargeAttribution& a = by_holder[{line.pool, line.consumer, line.usage_type}];
    a.pool = line.pool;
    a.consumer = line.consumer;
    a.load_balancer = line.load_balancer;
    a.usage_type = line.usage_type;
    a.usd += line.cost;
  }
  std::vector<ChargeAttribution> out;
  for (auto& [key, a] : by_holder) out.push_back(std::move(a));
  return out;
}

void print_charge_attribution(std::ostream& out, const std::vector<Report>& replications,
                              const std::vector<ChargeLine>& charges) {
  const Report& report = replications.front();
  double report_total = 0;
  for (const Report& r : replications) report_total += r.cost.total;
  report_total /= static_cast<double>(replications.size());
  const bool several = replications.size() > 1;
  if (charges.empty()) {
    out << "\nIPv4 charges: none (no AWS-managed address held, no Amazon block, no IPAM "
           "Advanced tier, no BYOIP ownership price)\n";
    return;
  }
  const double monthly = monthly_factor(report);
  out << "\nIPv4 charges by pool and consumer ("
      << (several ? "means across " + std::to_string(replications.size()) + " replications"
                  : std::string("the run"))
      << "; charges.csv has them per UTC day)\n"
      << pad("pool", 30) << pad("consumer", 28) << pad("usage type", 34) << pad("$/month", 12)
      << "$ over the run\n";
  double total = 0;
  for (const ChargeAttribution& a : attribute_charges(charges)) {
    out << pad(a.pool.empty() ? "AWS-managed" : a.pool, 30) << pad(a.consumer, 28)
        << pad(a.usage_type, 34) << pad(money(a.usd * monthly), 12) << money(a.usd) << "\n";
    total += a.usd;
  }
  out << "  " << charges.size() << " charge lines sum to " << money(total) << " over the run; the "
      << (several ? "mean of the replications' totals is " : "report's total is ")
      << money(report_total) << "\n";
}

}  // namespace albsim
