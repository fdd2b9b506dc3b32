#include "finance/bill_columns.hpp"

#include <algorithm>
#include <cctype>

namespace albsim {
namespace {

// "lineItem/UsageType" -> "line_item_usage_type": the legacy CUR's names as CUR 2.0's.
std::string snake(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == '/') {
      out += '_';
    } else if (std::isupper(c)) {
      if (i > 0 && name[i - 1] != '/' && !out.empty() && out.back() != '_') out += '_';
      out += static_cast<char>(std::tolower(c));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::optional<std::size_t> find(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - names.begin());
}

}  // namespace

std::optional<BillColumns> bill_columns(const std::vector<std::string>& header,
                                        std::string& missing) {
  BillColumns c;
  std::vector<std::string> names;
  const bool focus = find(header, "BilledCost") && find(header, "ChargePeriodStart");
  if (focus) {
    names = header;
    c.format = "FOCUS";
    c.usage_type_name = "x_UsageType";
    c.quantity_name = find(header, "ConsumedQuantity") ? "ConsumedQuantity" : "PricingQuantity";
    c.cost_name = "BilledCost";
    c.start_name = "ChargePeriodStart";
  } else {
    for (const std::string& h : header) names.push_back(snake(h));
    c.format = std::any_of(header.begin(), header.end(),
                           [](const std::string& h) { return h.find('/') != std::string::npos; })
                   ? "legacy CUR"
                   : "CUR 2.0";
    c.usage_type_name = "line_item_usage_type";
    c.quantity_name = "line_item_usage_amount";
    c.cost_name = "line_item_unblended_cost";
    c.start_name = "line_item_usage_start_date";
    if (!find(names, c.usage_type_name) && !find(names, c.cost_name)) {
      missing.clear();
      return std::nullopt;
    }
  }
  const std::string end_name = focus ? "ChargePeriodEnd" : "line_item_usage_end_date";
  std::vector<std::string> absent;
  const auto need = [&](const std::string& name, std::size_t& at) {
    if (const auto i = find(names, name))
      at = *i;
    else
      absent.push_back(name);
  };
  need(c.usage_type_name, c.usage_type);
  need(c.quantity_name, c.quantity);
  need(c.cost_name, c.cost);
  need(c.start_name, c.start);
  need(end_name, c.end);
  if (!absent.empty()) {
    missing.clear();
    for (const std::string& a : absent) missing += (missing.empty() ? "" : ", ") + a;
    return std::nullopt;
  }
  c.resource = find(names, focus ? "ResourceId" : "line_item_resource_id");
  c.currency = find(names, focus ? "BillingCurrency" : "line_item_currency_code");
  c.region = find(names, focus ? "RegionId" : "product_region_code");
  if (!c.region && !focus) c.region = find(names, "product_region");
  c.line_type = find(names, focus ? "ChargeCategory" : "line_item_line_item_type");
  c.line_type_usage = "Usage";
  return c;
}

}  // namespace albsim
