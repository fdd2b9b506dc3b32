// The charge lines' attribution table of `albsim run --charges` (albsim/report_output.hpp).
#include <map>
#include <tuple>

#include "albsim/report_output.hpp"
#include "report/text_format.hpp"

namespace albsim {

void print_charge_attribution(std::ostream& out, const std::vector<Report>& replications,
                              const std::vector<ChargeLine>& charges) {
  const Report& report = replications.front();
  double report_total = 0;
  for (const Report& r : replications) report_total += r.cost.total;
  report_total /= static_cast<double>(replications.size());
  const bool several = replications.size() > 1;
  // pool ("AWS-managed" when none), consumer, usage type -> USD over the run
  std::map<std::tuple<std::string, std::string, std::string>, double> by_holder;
  double total = 0;
  for (const ChargeLine& line : charges) {
    by_holder[{line.pool.empty() ? "AWS-managed" : line.pool, line.consumer, line.usage_type}] +=
        line.cost;
    total += line.cost;
  }
  const double monthly = monthly_factor(report);
  if (charges.empty()) {
    out << "\nIPv4 charges: none (no AWS-managed address held, no Amazon block, no IPAM "
           "Advanced tier, no BYOIP ownership price)\n";
    return;
  }
  out << "\nIPv4 charges by pool and consumer ("
      << (several ? "means across " + std::to_string(replications.size()) + " replications"
                  : std::string("the run"))
      << "; charges.csv has them per UTC day)\n"
      << pad("pool", 30) << pad("consumer", 28) << pad("usage type", 34) << pad("$/month", 12)
      << "$ over the run\n";
  for (const auto& [key, usd] : by_holder) {
    const auto& [pool, consumer, usage] = key;
    out << pad(pool, 30) << pad(consumer, 28) << pad(usage, 34) << pad(money(usd * monthly), 12)
        << money(usd) << "\n";
  }
  out << "  " << charges.size() << " charge lines sum to " << money(total) << " over the run; the "
      << (several ? "mean of the replications' totals is " : "report's total is ")
      << money(report_total) << "\n";
}

}  // namespace albsim
