// Charge lines across replications (albsim run --charges --replications N): each line (by
// period, usage type, resource and consumer) with its mean, a line a replication lacks counting
// 0, written as charges.csv, and the spread of its cost and quantity, written as
// charges_percentiles.csv.
#pragma once

#include <ostream>
#include <vector>

#include "albsim/charges.hpp"
#include "core/statistics.hpp"

namespace albsim {

struct ChargeSpread {
  ChargeLine mean;  // quantity and cost: the means; the rest: the line's identity
  SampleSummary quantity;
  SampleSummary cost;
};

// `replications` in replication order; the result in period, kind, resource and consumer order.
std::vector<ChargeSpread> spread_of_charges(
    const std::vector<std::vector<ChargeLine>>& replications);

// One row per line: its identity, then the mean, stddev, min, p50, p95, p99 and max of its cost
// (USD) and quantity (IP-hours) across the replications.
void write_charge_percentiles_csv(std::ostream& out, const std::vector<ChargeSpread>& spreads);

}  // namespace albsim
