// Charge lines summed per pool, consumer and usage type: the attribution of every dollar that
// `albsim run --charges` prints and report.json's `charges` object holds.
#pragma once

#include <string>
#include <vector>

#include "albsim/charges.hpp"

namespace albsim {

struct ChargeAttribution {
  std::string pool;  // empty: AWS-managed addresses
  std::string consumer;
  std::string load_balancer;  // empty: reservations or unused space
  std::string usage_type;
  double usd = 0;  // over the run
};

// In pool, consumer and usage type order.
std::vector<ChargeAttribution> attribute_charges(const std::vector<ChargeLine>& charges);

}  // namespace albsim
