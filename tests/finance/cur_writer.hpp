// A CUR 2.0 export (AWS Data Exports' column names) written from charge lines, as AWS would bill
// the simulated usage: the tests' and the benchmark's bills. In-use addresses are billed to the
// load balancer's ARN, blocks and IPAM to the pool's id; BYOIP ownership is not on the bill.
#pragma once

#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "albsim/charges.hpp"
#include "core/calendar.hpp"

namespace albsim::test {

inline const char* kCurHeader =
    "identity_line_item_id,line_item_line_item_type,line_item_product_code,"
    "line_item_usage_type,line_item_operation,line_item_resource_id,line_item_usage_amount,"
    "line_item_unblended_cost,line_item_unblended_rate,line_item_usage_start_date,"
    "line_item_usage_end_date,line_item_currency_code,product_region_code\n";

inline std::string lb_arn(const std::string& lb) {
  return "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/" + lb +
         "/50dc6c495c0c9188";
}

inline std::string cur_row(std::size_t id, const std::string& usage_type,
                           const std::string& resource, double quantity, double cost, double rate,
                           std::int64_t from, std::int64_t to,
                           const std::string& region = "us-east-1",
                           const std::string& currency = "USD") {
  char numbers[128];
  std::snprintf(numbers, sizeof numbers, "%.10f,%.10f,%.10g", quantity, cost, rate);
  return std::to_string(id) + ",Usage,AmazonVPC," + usage_type + ",," + resource + "," + numbers +
         "," + format_iso8601_utc(from) + "," + format_iso8601_utc(to) + "," + currency + "," +
         region + "\n";
}

// `scale(line)` multiplies a line's hours and cost (1: as simulated).
inline std::string cur_from_charges(
    const std::vector<ChargeLine>& lines,
    const std::function<double(const ChargeLine&)>& scale = [](const ChargeLine&) { return 1.0; }) {
  // One bill line per usage type, resource and period: the consumers of a block are one line.
  struct Billed {
    double quantity = 0, cost = 0, rate = 0;
    std::int64_t end = 0;
  };
  std::map<std::tuple<std::int64_t, std::string, std::string>, Billed> billed;
  for (const ChargeLine& line : lines) {
    if (line.kind == ChargeKind::byoip_ownership) continue;
    const std::string resource =
        line.kind == ChargeKind::in_use_address ? lb_arn(line.resource_id) : line.resource_id;
    const double k = scale(line);
    Billed& b = billed[{line.start_ms, line.usage_type, resource}];
    b.quantity += line.quantity * k;
    b.cost += line.cost * k;
    b.rate = line.unit_price;
    b.end = line.end_ms;
  }
  std::string csv = kCurHeader;
  std::size_t id = 0;
  for (const auto& [key, b] : billed) {
    const auto& [start, usage_type, resource] = key;
    csv += cur_row(++id, usage_type, resource, b.quantity, b.cost, b.rate, start, b.end);
  }
  return csv;
}

}  // namespace albsim::test
