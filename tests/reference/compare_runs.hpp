// Compares two runs of one scenario field by field: every report figure of MODEL.md §6-§8 and
// every timeseries row. Counts must be equal; real numbers (integrals, ratios, costs, demand)
// may differ by rounding only: a relative 1e-9 (the two sides sum the same terms in another
// order, and growth is exp(t ln(1+g)) on one side and pow on the other).
#pragma once

#include <string>
#include <vector>

#include "albsim/report.hpp"
#include "albsim/run_options.hpp"

namespace albsim::reference {

// Every difference, one line each ("load_balancers/0/addresses/peak_pool: 4 vs 3"; the first
// value is `a`'s), at most `limit` of them; empty when the runs agree.
std::vector<std::string> report_differences(const Report& a, const Report& b,
                                            std::size_t limit = 20);
std::vector<std::string> timeseries_differences(const std::vector<TimeseriesRow>& a,
                                                const std::vector<TimeseriesRow>& b,
                                                std::size_t limit = 20);

}  // namespace albsim::reference
