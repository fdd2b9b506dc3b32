#include "scenario/demand_bound.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "albsim/input_error.hpp"

namespace albsim {
namespace {

const double kMaxLog10 = std::log10(kMaxDemandFactor);

std::string power_of_ten(double log10_value) {
  char text[48];
  const double exponent = std::floor(log10_value);
  std::snprintf(text, sizeof text, exponent < 1e6 ? "1e+%.0f" : "10^(%.3g)", exponent);
  return text;
}

bool reaches(const RandomEventSpec& e, std::size_t lb) {
  return e.type == RandomEventSpec::Kind::surge && (!e.lb || *e.lb == lb);
}

// The largest sum of log10(multiplier) over scheduled surges that raise demand in force at one
// instant, and an event whose start reaches it: for each load balancer (`[lb]`) and for those
// without `lb` (`[n]`). A load balancer's bound adds its own and the fleet-wide one
// (they may peak at different instants, so the sum is an upper bound), in O(events) in all.
struct Overlap {
  double log10_product = 0;
  std::size_t event = 0;
};
std::vector<Overlap> scheduled_overlaps(const Scenario& s) {
  const std::size_t n = s.load_balancers.size();
  struct Change {
    std::int64_t at;
    double log10_m;  // negative at an end; ends sort before starts at one instant
    std::size_t event;
    bool operator<(const Change& o) const { return at != o.at ? at < o.at : log10_m < o.log10_m; }
  };
  std::vector<std::vector<Change>> changes(n + 1);
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const EventSpec& e = s.events[i];
    const SurgeEvent* surge = e.as<SurgeEvent>();
    if (!surge || surge->multiplier <= 1) continue;
    const double log10_m = std::log10(surge->multiplier);
    auto& of = changes[surge->lb.value_or(n)];
    of.push_back({e.at.ms(), log10_m, i});
    if (surge->duration) of.push_back({(e.at + *surge->duration).ms(), -log10_m, i});
  }
  std::vector<Overlap> out(n + 1);
  for (std::size_t k = 0; k <= n; ++k) {
    std::sort(changes[k].begin(), changes[k].end());
    double in_force = 0;
    for (const Change& c : changes[k]) {
      in_force += c.log10_m;
      if (in_force > out[k].log10_product) out[k] = {in_force, c.event};
    }
  }
  return out;
}

}  // namespace

double peak_bound(const DemandSpec& d, SimTime horizon) {
  double peak = 0;
  switch (d.kind) {
    case DemandSpec::Kind::constant:
      peak = d.constant;
      break;
    case DemandSpec::Kind::steps:
      for (const auto& step : d.steps) peak = std::max(peak, step.second);
      break;
    case DemandSpec::Kind::diurnal:
      peak = d.diurnal.base * (1 + d.diurnal.amplitude) * std::max(1.0, d.diurnal.weekend_factor);
      break;
    case DemandSpec::Kind::trace:
      peak = *std::max_element(d.trace.series->values.begin(), d.trace.series->values.end());
      break;
  }
  if (d.growth_per_30d > 0) peak *= std::pow(1 + d.growth_per_30d, horizon.seconds() / 2'592'000.0);
  return peak;
}

void check_demand_bounds(const Scenario& s) {
  const auto horizon = static_cast<double>(s.horizon.ms());
  const std::vector<Overlap> overlaps = scheduled_overlaps(s);
  const Overlap& fleet_wide = overlaps.back();
  for (std::size_t lb = 0; lb < s.load_balancers.size(); ++lb) {
    const std::string at = "/load_balancers/" + std::to_string(lb) + "/demand";
    const DemandSpec& demand = s.load_balancers[lb].demand;
    const double peak = peak_bound(demand, s.horizon);
    if (!(peak <= kMaxDemandFactor)) {
      char text[48] = "more than 1e+308";
      if (std::isfinite(peak)) std::snprintf(text, sizeof text, "%.3g", peak);
      throw InputError(s.file, demand.growth_per_30d > 0 ? at + "/growth_per_30d" : at,
                       std::string("the demand profile reaches ") + text + " LCU" +
                           (demand.growth_per_30d > 0 ? " with its growth" : "") +
                           "; keep it within 1e+100 LCU");
    }

    const Overlap& own = overlaps[lb];
    double total = own.log10_product + fleet_wide.log10_product;
    double largest = std::max(own.log10_product, fleet_wide.log10_product);
    const std::size_t event =
        own.log10_product >= fleet_wide.log10_product ? own.event : fleet_wide.event;
    std::string largest_at = "/events/" + std::to_string(event) + "/multiplier";
    double largest_count = 0;
    for (std::size_t i = 0; i < s.random_events.size(); ++i) {
      const RandomEventSpec& e = s.random_events[i];
      if (!reaches(e, lb) || e.multiplier <= 1) continue;
      const double lambda = e.mean_in_force(horizon);
      const double count = lambda + 6 * std::sqrt(lambda) + 20;
      const double share = count * std::log10(e.multiplier);
      total += share;
      if (share > largest) {
        largest = share;
        largest_count = lambda;
        largest_at = "/random_events/" + std::to_string(i);
      }
    }
    if (total <= kMaxLog10) continue;
    char in_force[64] = "";
    if (largest_count > 0)
      std::snprintf(in_force, sizeof in_force, " (%.3g in force at once on average)",
                    largest_count);
    throw InputError(s.file, largest_at,
                     "the surges in force at once could multiply demand by " + power_of_ten(total) +
                         in_force +
                         "; keep it within 1e+100: lower the multiplier, the rate or the duration");
  }
}

}  // namespace albsim
