#include <nlohmann/json.hpp>

#include "albsim/report.hpp"
#include "albsim/report_output.hpp"
#include "albsim/version.hpp"
#include "core/calendar.hpp"
#include "report/distribution.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

Json optional_number(const std::optional<double>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json address_json(const AddressMetrics& a) {
  return Json{{"peak_total", a.peak_total},
              {"peak_pool", a.peak_pool},
              {"peak_managed", a.peak_managed},
              {"pool_address_hours", a.pool_address_hours},
              {"managed_address_hours", a.managed_address_hours},
              {"managed_acquisitions", a.managed_acquisitions}};
}

Json allowlist_json(const AllowlistMetrics& a) {
  return Json{{"in_allowlist_ratio", optional_number(a.in_allowlist_ratio)},
              {"breach_episodes", a.breach_episodes},
              {"breach_seconds", a.breach_seconds},
              {"longest_breach_s", a.longest_breach_s},
              {"first_breach_s", optional_number(a.first_breach_s)},
              {"distinct_outside_addresses", a.distinct_outside_addresses},
              {"dns_changes", a.dns_changes},
              {"client_failure_ratio", a.client_failure_ratio}};
}

Json lb_cost_json(const CostBreakdown& c, double monthly) {
  Json j{{"managed_ipv4", c.managed_ipv4}, {"managed_only", c.managed_only}, {"saving", c.saving}};
  j["monthly"] = Json{{"managed_ipv4", c.managed_ipv4 * monthly},
                      {"managed_only", c.managed_only * monthly},
                      {"saving", c.saving * monthly}};
  return j;
}

Json fleet_cost_json(const CostBreakdown& c, double monthly) {
  auto categories = [&](double factor) {
    return Json{{"managed_ipv4", c.managed_ipv4 * factor},
                {"amazon_blocks", c.amazon_blocks * factor},
                {"byoip", c.byoip * factor},
                {"byoip_ownership", c.byoip_ownership * factor},
                {"ipam", c.ipam * factor},
                {"total", c.total * factor},
                {"managed_only", c.managed_only * factor},
                {"saving", c.saving * factor}};
  };
  Json j = categories(1.0);
  j["monthly"] = categories(monthly);
  return j;
}

Json pricing_json(const Pricing& p) {
  return Json{{"public_ipv4_per_ip_hour", p.public_ipv4_per_ip_hour},
              {"amazon_block_per_ip_hour", p.amazon_block_per_ip_hour},
              {"ipam_tier", p.ipam_advanced ? "advanced" : "free"},
              {"ipam_advanced_per_ip_hour", p.ipam_advanced_per_ip_hour},
              {"byoip_price_per_address", p.byoip_price_per_address},
              {"byoip_amortize_months", p.byoip_amortize_months}};
}

Json cidr_strings(const std::vector<Cidr>& cidrs) {
  Json out = Json::array();
  for (const Cidr& c : cidrs) out.push_back(c.to_string());
  return out;
}

// Everything measured in one replication, in report.json's layout.
Json metrics_json(const Report& report) {
  const double monthly = monthly_factor(report);
  Json j;
  Json lbs = Json::array();
  for (const LoadBalancerReport& lb : report.load_balancers)
    lbs.push_back(Json{{"id", lb.id},
                       {"addresses", address_json(lb.addresses)},
                       {"allowlist", allowlist_json(lb.allowlist)},
                       {"cost", lb_cost_json(lb.cost, monthly)}});
  j["load_balancers"] = std::move(lbs);
  Json pools = Json::array();
  for (const PoolReport& p : report.pools)
    pools.push_back(Json{{"id", p.id},
                         {"source", p.source == PoolSource::amazon ? "amazon" : "byoip"},
                         {"capacity", p.capacity},
                         {"peak_in_use", p.peak_in_use},
                         {"min_free", p.min_free},
                         {"utilization", optional_number(p.utilization)},
                         {"in_use_address_hours", p.in_use_address_hours},
                         {"exhausted_seconds", p.exhausted_seconds},
                         {"exhaustion_episodes", p.exhaustion_episodes}});
  j["pools"] = std::move(pools);
  j["cost"] = fleet_cost_json(report.cost, monthly);
  j["allowlist"] = allowlist_json(report.allowlist);
  return j;
}

}  // namespace

std::string report_to_json(const Scenario& scenario, const std::vector<Report>& replications) {
  const Report& report = replications.front();
  Json j;
  j["schema"] = "albsim.report/1";
  j["albsim_version"] = ALBSIM_VERSION;
  j["scenario"] =
      Json{{"name", scenario.name},
           {"region", scenario.region},
           {"start", scenario.start_epoch_ms ? Json(format_iso8601_utc(*scenario.start_epoch_ms))
                                             : Json(nullptr)},
           {"horizon_s", scenario.horizon.seconds()},
           {"horizon_hours", report.horizon_hours},
           {"seed", scenario.seed},
           {"replications", replications.size()},
           {"pricing", pricing_json(scenario.pricing)}};
  std::vector<Json> metrics;
  for (const Report& r : replications) metrics.push_back(metrics_json(r));
  for (auto& [key, value] : metrics.front().items()) j[key] = value;
  for (std::size_t i = 0; i < report.load_balancers.size(); ++i) {
    const LoadBalancerReport& lb = report.load_balancers[i];
    Json outside{{"cidrs", cidr_strings(lb.outside_cidrs)}};
    if (scenario.managed_ranges) outside["aws_prefixes"] = cidr_strings(lb.outside_aws_prefixes);
    const LoadBalancerSpec& spec = scenario.load_balancers[i];
    Json& entry = j["load_balancers"][i];
    entry["outside_addresses"] = std::move(outside);
    entry["pool"] = spec.pool ? Json(scenario.pools[*spec.pool].id) : Json(nullptr);
    entry["azs"] = spec.azs;
  }
  if (replications.size() > 1) j["distribution"] = distribution_json(metrics, replications);
  return j.dump(2) + "\n";
}

}  // namespace albsim
