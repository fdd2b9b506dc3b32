#include "plan/plan_options_json.hpp"

namespace albsim {
namespace {

template <class T>
nlohmann::json or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

template <class T>
std::optional<T> optional_of(const nlohmann::json& v) {
  if (v.is_null()) return std::nullopt;
  return v.get<T>();
}

}  // namespace

nlohmann::json plan_options_json(const PlanOptions& o) {
  const AlternativePricing& a = o.alternatives;
  return {{"pool", or_null(o.pool)},
          {"lb", or_null(o.lb)},
          {"netmask_min", o.netmask_min},
          {"netmask_max", o.netmask_max},
          {"allow_quota_increase", o.allow_quota_increase},
          {"max_breach_probability", o.targets.max_breach_probability},
          {"min_in_allowlist", o.targets.min_in_allowlist},
          {"max_breach_minutes_per_month", or_null(o.targets.max_breach_minutes_per_month)},
          {"nlb_per_hour", a.nlb_per_hour},
          {"nlcu_per_hour", a.nlcu_per_hour},
          {"gb_per_nlcu_hour", a.gb_per_nlcu_hour},
          {"accelerator_per_hour", a.accelerator_per_hour},
          {"accelerator_premium_per_gb", a.accelerator_premium_per_gb},
          {"gb_per_lcu_hour", a.gb_per_lcu_hour},
          {"cloudfront_anycast_per_month", a.cloudfront_anycast_per_month},
          {"replications", or_null(o.replications)},
          {"early_stop", o.early_stop},
          {"fast", o.fast}};
}

PlanOptions plan_options_from_json(const nlohmann::json& j) {
  PlanOptions o;
  o.pool = optional_of<std::string>(j.at("pool"));
  o.lb = optional_of<std::string>(j.at("lb"));
  o.netmask_min = j.at("netmask_min").get<int>();
  o.netmask_max = j.at("netmask_max").get<int>();
  o.allow_quota_increase = j.at("allow_quota_increase").get<bool>();
  o.targets.max_breach_probability = j.at("max_breach_probability").get<double>();
  o.targets.min_in_allowlist = j.at("min_in_allowlist").get<double>();
  o.targets.max_breach_minutes_per_month =
      optional_of<double>(j.at("max_breach_minutes_per_month"));
  AlternativePricing& a = o.alternatives;
  a.nlb_per_hour = j.at("nlb_per_hour").get<double>();
  a.nlcu_per_hour = j.at("nlcu_per_hour").get<double>();
  a.gb_per_nlcu_hour = j.at("gb_per_nlcu_hour").get<double>();
  a.accelerator_per_hour = j.at("accelerator_per_hour").get<double>();
  a.accelerator_premium_per_gb = j.at("accelerator_premium_per_gb").get<double>();
  a.gb_per_lcu_hour = j.at("gb_per_lcu_hour").get<double>();
  a.cloudfront_anycast_per_month = j.at("cloudfront_anycast_per_month").get<double>();
  o.replications = optional_of<int>(j.at("replications"));
  o.early_stop = j.at("early_stop").get<bool>();
  o.fast = j.at("fast").get<bool>();
  return o;
}

}  // namespace albsim
