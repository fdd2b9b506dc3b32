#include "demand/demand_driver.hpp"

#include <algorithm>
#include <cmath>

#include "core/calendar.hpp"

namespace albsim {

DemandDriver::DemandDriver(const Scenario& scenario, std::uint64_t replication, FleetMeter& meter)
    : meter_(meter) {
  const std::int64_t epoch = scenario.start_epoch_ms.value_or(kDefaultStartEpochMs);
  for (const LoadBalancerSpec& spec : scenario.load_balancers)
    lbs_.push_back(
        {DemandProfile(spec.demand, epoch, spec.evaluation_interval),
         spec.demand.noise_sigma,
         RandomStream(scenario.seed, replication, "load_balancers/" + spec.id + "/noise"),
         {}});
}

double DemandDriver::sample(std::size_t lb, SimTime now) {
  LbDemand& d = lbs_[lb];
  double demand = d.profile.at(now);
  double surge = 1.0;
  for (const double m : d.surges) surge *= m;
  demand *= surge;
  if (d.noise_sigma > 0) {
    const double sigma = d.noise_sigma;
    demand *= std::exp(sigma * d.noise_draws.standard_normal() - sigma * sigma / 2);
  }
  meter_.demand_changed(now, lb, demand);
  return demand;
}

void DemandDriver::surge_started(std::size_t lb, double multiplier) {
  lbs_[lb].surges.push_back(multiplier);
}

void DemandDriver::surge_ended(std::size_t lb, double multiplier) {
  auto& active = lbs_[lb].surges;
  active.erase(std::find(active.begin(), active.end(), multiplier));
}

}  // namespace albsim
