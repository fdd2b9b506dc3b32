#include "report/focus_csv.hpp"

#include <array>
#include <cstdio>
#include <optional>

#include "core/calendar.hpp"
#include "report/csv_field.hpp"
#include "report/finite_json.hpp"

namespace albsim {
namespace {

// FOCUS 1.2's columns that apply to a public IPv4 charge (every Mandatory one, the Conditional
// ones AWS's FOCUS export carries), then AWS's extensions and albsim's. A null is an empty field.
const std::vector<std::string> kColumns = {"AvailabilityZone",
                                           "BilledCost",
                                           "BillingAccountId",
                                           "BillingAccountName",
                                           "BillingCurrency",
                                           "BillingPeriodEnd",
                                           "BillingPeriodStart",
                                           "ChargeCategory",
                                           "ChargeClass",
                                           "ChargeDescription",
                                           "ChargeFrequency",
                                           "ChargePeriodEnd",
                                           "ChargePeriodStart",
                                           "CommitmentDiscountCategory",
                                           "CommitmentDiscountId",
                                           "CommitmentDiscountName",
                                           "CommitmentDiscountQuantity",
                                           "CommitmentDiscountStatus",
                                           "CommitmentDiscountType",
                                           "CommitmentDiscountUnit",
                                           "ConsumedQuantity",
                                           "ConsumedUnit",
                                           "ContractedCost",
                                           "ContractedUnitPrice",
                                           "EffectiveCost",
                                           "InvoiceId",
                                           "InvoiceIssuerName",
                                           "ListCost",
                                           "ListUnitPrice",
                                           "PricingCategory",
                                           "PricingQuantity",
                                           "PricingUnit",
                                           "ProviderName",
                                           "PublisherName",
                                           "RegionId",
                                           "RegionName",
                                           "ResourceId",
                                           "ResourceName",
                                           "ResourceType",
                                           "ServiceCategory",
                                           "ServiceName",
                                           "ServiceSubcategory",
                                           "SkuId",
                                           "SkuMeter",
                                           "SkuPriceId",
                                           "SubAccountId",
                                           "SubAccountName",
                                           "Tags",
                                           "x_Operation",
                                           "x_ServiceCode",
                                           "x_UsageType",
                                           "x_Pool",
                                           "x_LoadBalancer",
                                           "x_Consumer"};

// A decimal in FOCUS's numeric format: no exponent, no '+', at most 10 decimals, no trailing
// zeros.
std::string decimal(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10f", value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

// Text that comes from an input (an id, a name, an unknown region's code): absent when empty,
// else as a spreadsheet keeps it as text (spreadsheet_text).
std::optional<std::string> input_text(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return spreadsheet_text(text);
}

// A CSV field: quoted when it holds a comma, quote or line break.
std::string field(const std::optional<std::string>& value) {
  if (!value) return {};
  return csv_field(*value);
}

// The UTC calendar month holding `epoch_ms`: [first day, first day of the next).
std::pair<std::int64_t, std::int64_t> billing_month(std::int64_t epoch_ms) {
  const std::string day = format_iso8601_utc(epoch_ms).substr(0, 7);  // YYYY-MM
  const int year = std::stoi(day.substr(0, 4));
  const int month = std::stoi(day.substr(5, 2));
  char from[32], to[32];
  std::snprintf(from, sizeof from, "%04d-%02d-01T00:00:00Z", year, month);
  std::snprintf(to, sizeof to, "%04d-%02d-01T00:00:00Z", month == 12 ? year + 1 : year,
                month == 12 ? 1 : month + 1);
  return {*parse_iso8601(from), *parse_iso8601(to)};
}

std::string describe(const ChargeLine& line) {
  switch (line.kind) {
    case ChargeKind::in_use_address:
      return "Public IPv4 address-hours of AWS-managed addresses held by load balancer " +
             line.resource_id;
    case ChargeKind::contiguous_block:
      return "Amazon-provided contiguous IPv4 block " + line.resource_id +
             ", every address hourly: " + line.consumer;
    case ChargeKind::ipam_ip_hours:
      return "IPAM Advanced tier, active IP-hours of pool " + line.resource_id + ": " +
             line.consumer;
    case ChargeKind::byoip_ownership:
      return "BYOIP block " + line.resource_id +
             ", purchase amortized per address-hour: " + line.consumer;
  }
  return {};
}

}  // namespace

const std::vector<std::string>& focus_columns() {
  return kColumns;
}

void write_focus_csv(std::ostream& out, const Scenario& scenario,
                     const std::vector<ChargeLine>& lines) {
  for (std::size_t i = 0; i < kColumns.size(); ++i) out << (i ? "," : "") << kColumns[i];
  out << "\n";
  using Field = std::optional<std::string>;
  const Field none;
  const std::string region = region_name(scenario.region);
  for (const ChargeLine& line : lines) {
    const bool purchase = line.kind == ChargeKind::byoip_ownership;
    const auto [month_start, month_end] = billing_month(line.start_ms);
    const std::string cost = decimal(line.cost);
    const std::string price = decimal(line.unit_price);
    const std::string quantity = decimal(line.quantity);
    const std::string meter = line.usage_type.substr(line.usage_type.find('-') + 1);
    nlohmann::ordered_json tags = {{"albsim:simulated", "true"},
                                   {"albsim:consumer", line.consumer}};
    if (!line.pool.empty()) tags["albsim:pool"] = line.pool;
    if (!line.load_balancer.empty()) tags["albsim:load-balancer"] = line.load_balancer;
    const std::array<Field, 54> row = {
        none,                                       // AvailabilityZone
        cost,                                       // BilledCost
        "albsim-simulated",                         // BillingAccountId
        input_text(scenario.name),                  // BillingAccountName
        "USD",                                      // BillingCurrency
        format_iso8601_utc(month_end),              // BillingPeriodEnd
        format_iso8601_utc(month_start),            // BillingPeriodStart
        purchase ? "Purchase" : "Usage",            // ChargeCategory
        none,                                       // ChargeClass
        describe(line) + " (simulated by albsim)",  // ChargeDescription
        purchase ? "Recurring" : "Usage-Based",     // ChargeFrequency
        format_iso8601_utc(line.end_ms),            // ChargePeriodEnd
        format_iso8601_utc(line.start_ms),          // ChargePeriodStart
        none,
        none,
        none,
        none,
        none,
        none,
        none,                                 // CommitmentDiscount*
        purchase ? none : Field(quantity),    // ConsumedQuantity
        purchase ? none : Field("IP-Hours"),  // ConsumedUnit
        cost,                                 // ContractedCost
        price,                                // ContractedUnitPrice
        cost,                                 // EffectiveCost
        none,                                 // InvoiceId
        purchase ? "BYOIP address purchase (not invoiced by AWS)"
                 : "Amazon Web Services, Inc.",  // InvoiceIssuerName
        cost,                                    // ListCost
        price,                                   // ListUnitPrice
        "Standard",                              // PricingCategory
        quantity,                                // PricingQuantity
        "IP-Hours",                              // PricingUnit
        "AWS",                                   // ProviderName
        "AWS",                                   // PublisherName
        input_text(scenario.region),             // RegionId
        region.empty() ? none : Field(region),   // RegionName
        input_text(line.resource_id),            // ResourceId
        input_text(line.resource_id),            // ResourceName
        line.kind == ChargeKind::in_use_address ? "Load Balancer" : "IPAM Pool",  // ResourceType
        "Networking",                                                             // ServiceCategory
        "Amazon Virtual Private Cloud",                                           // ServiceName
        "Other (Networking)",                  // ServiceSubcategory
        input_text(line.usage_type),           // SkuId: the usage type, standing in
        input_text(meter),                     // SkuMeter
        none,                                  // SkuPriceId
        none,                                  // SubAccountId
        none,                                  // SubAccountName
        json_output_text(tags, -1),            // Tags
        none,                                  // x_Operation
        purchase ? none : Field("AmazonVPC"),  // x_ServiceCode
        input_text(line.usage_type),           // x_UsageType
        input_text(line.pool),                 // x_Pool
        input_text(line.load_balancer),        // x_LoadBalancer
        input_text(line.consumer),             // x_Consumer
    };
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << field(row[i]);
    out << "\n";
  }
}

}  // namespace albsim
