#include <nlohmann/json.hpp>

#include "albsim/report.hpp"
#include "albsim/report_output.hpp"
#include "albsim/version.hpp"
#include "core/calendar.hpp"
#include "report/charge_attribution.hpp"
#include "report/distribution.hpp"
#include "report/finite_json.hpp"
#include "report/inputs_json.hpp"
#include "report/metrics_layout.hpp"
#include "report/text_format.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

Json pricing_json(const Pricing& p) {
  return Json{{"public_ipv4_per_ip_hour", p.public_ipv4_per_ip_hour.value()},
              {"amazon_block_per_ip_hour", p.amazon_block_per_ip_hour.value()},
              {"ipam_tier", p.ipam_advanced ? "advanced" : "free"},
              {"ipam_advanced_per_ip_hour", p.ipam_advanced_per_ip_hour.value()},
              {"byoip_price_per_address", p.byoip_price_per_address.value()},
              {"byoip_amortize_months", p.byoip_amortize_months}};
}

Json cidr_strings(const std::vector<Cidr>& cidrs) {
  Json out = Json::array();
  for (const Cidr& c : cidrs) out.push_back(c.to_string());
  return out;
}

// The dollars of charges.csv per pool, consumer and usage type, over the run and per month.
Json charges_json(const std::vector<ChargeLine>& charges, std::size_t replications,
                  double monthly) {
  Json rows = Json::array();
  double total = 0;
  for (const ChargeAttribution& a : attribute_charges(charges)) {
    rows.push_back(
        {{"pool", a.pool.empty() ? Json(nullptr) : Json(a.pool)},
         {"consumer", a.consumer},
         {"load_balancer", a.load_balancer.empty() ? Json(nullptr) : Json(a.load_balancer)},
         {"usage_type", a.usage_type},
         {"usd", a.usd},
         {"usd_per_month", a.usd * monthly}});
    total += a.usd;
  }
  return Json{{"file", "charges.csv"},
              {"basis", replications > 1 ? "means across the replications" : "the run"},
              {"lines", charges.size()},
              {"total_usd", total},
              {"by_pool_and_consumer", std::move(rows)}};
}

}  // namespace

std::string report_to_json(const Scenario& scenario, const std::vector<Report>& replications,
                           const ObservedSource* observed, const std::vector<ChargeLine>* charges) {
  const Report& report = replications.front();
  Json j;
  j["schema"] = "albsim.report/1";
  j["albsim_version"] = ALBSIM_VERSION;
  j["source"] = observed ? "observed" : "simulated";
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
  if (observed)
    j["observation"] = Json{{"kind", observed->kind},
                            {"files", observed->files},
                            {"records", observed->records},
                            {"ignored_records", observed->ignored},
                            {"unattributed_records", observed->unattributed},
                            {"sampling_s", static_cast<double>(observed->sampling_ms) / 1000.0},
                            {"time_grid_s", static_cast<double>(observed->time_grid_ms) / 1000.0},
                            {"dns_gap_s", static_cast<double>(observed->dns_gap_ms) / 1000.0},
                            {"answer_limit", observed->answer_limit},
                            {"covered_share", observed->covered_share},
                            {"sees_managed", observed->sees_managed},
                            {"azs_known", observed->azs_known},
                            {"hides", observed->hides}};
  // Where every `monthly` figure comes from: the run's totals scaled to a 730-hour month.
  j["monthly"] = Json{{"hours_per_month", kHoursPerMonth},
                      {"from_hours", report.horizon_hours},
                      {"factor", monthly_factor(report)},
                      {"basis", monthly_basis(report.horizon_hours)}};
  j["inputs"] = trace_inputs_json(scenario.trace_inputs);
  j["warnings"] = report_warnings(scenario);
  MetricsJson first;
  describe_metrics(report, first);
  const Json metrics = first.take();
  for (const auto& [key, value] : metrics.items()) j[key] = value;
  if (observed) {  // no demand is observed, so no traffic share can be said to be lost
    if (j["allowlist"].is_object()) j["allowlist"]["client_failure_ratio"] = nullptr;
    for (Json& lb : j["load_balancers"])
      if (lb["allowlist"].is_object()) lb["allowlist"]["client_failure_ratio"] = nullptr;
  }
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
  if (replications.size() > 1) {
    // Column-major numbers, one replication at a time: no JSON tree per replication.
    std::vector<std::vector<double>> columns;
    for (const Report& r : replications) {
      MetricsLeaves leaves(columns);
      describe_metrics(r, leaves);
    }
    j["distribution"] = distribution_json(metrics, std::move(columns), replications);
  }
  if (charges) j["charges"] = charges_json(*charges, replications.size(), monthly_factor(report));
  require_finite_numbers(j, "report.json");
  return json_output_text(j) + "\n";
}

}  // namespace albsim
