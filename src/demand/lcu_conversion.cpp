#include "demand/lcu_conversion.hpp"

#include <algorithm>

namespace albsim {

double lcu_of_sample(const LcuFactors& c, double requests, double bytes, double active_connections,
                     double period_s) {
  const double new_connections_per_s = requests * c.new_connections_per_request / period_s;
  const double gb_per_hour = bytes / c.bytes_per_gb * 3600.0 / period_s;
  const double rule_evaluations_per_s = requests * c.rule_evaluations_per_request / period_s;
  return std::max({new_connections_per_s / 25.0, active_connections / 3000.0, gb_per_hour / 1.0,
                   rule_evaluations_per_s / 1000.0});
}

}  // namespace albsim
