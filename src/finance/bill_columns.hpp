// Which column of a bill's header holds each figure reconcile reads, in CUR 2.0, the legacy
// CUR ("lineItem/UsageType") and FOCUS exports.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace albsim {

struct BillColumns {
  std::string format;  // "CUR 2.0", "legacy CUR", "FOCUS"
  std::size_t usage_type = 0, quantity = 0, cost = 0, start = 0, end = 0;
  std::optional<std::size_t> resource, currency, region, line_type;
  std::string line_type_usage;  // the line type's value for usage: "Usage"
  // The header's names of the figures, for messages.
  std::string usage_type_name, quantity_name, cost_name, start_name;
};

// The columns of `header`; nullopt with `missing` naming what lacks (or empty when it is
// neither export).
std::optional<BillColumns> bill_columns(const std::vector<std::string>& header,
                                        std::string& missing);

}  // namespace albsim
