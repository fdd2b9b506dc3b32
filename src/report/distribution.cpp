#include "report/distribution.hpp"

#include "core/statistics.hpp"

namespace albsim {
namespace {

using Json = nlohmann::ordered_json;

Json summary_json(const SampleSummary& s, std::size_t replications) {
  Json j{{"mean", s.mean}, {"stddev", s.stddev}, {"min", s.min}, {"p50", s.p50},
         {"p95", s.p95},   {"p99", s.p99},       {"max", s.max}};
  if (s.n < replications) j["replications_with_value"] = s.n;  // the metric was null in others
  return j;
}

// Mirrors the shape of the first sample: objects and arrays recurse, identifiers are kept,
// numbers (or nulls that are numbers in some replication) become summaries.
Json distribution_of(const std::vector<const Json*>& samples) {
  const Json& first = *samples.front();
  if (first.is_object()) {
    Json out = Json::object();
    for (const auto& [key, value] : first.items()) {
      if (value.is_string()) {
        out[key] = value;
        continue;
      }
      std::vector<const Json*> children;
      for (const Json* s : samples) children.push_back(&s->at(key));
      Json child = distribution_of(children);
      if (!child.is_null()) out[key] = std::move(child);
    }
    return out;
  }
  if (first.is_array()) {
    Json out = Json::array();
    for (std::size_t i = 0; i < first.size(); ++i) {
      std::vector<const Json*> children;
      for (const Json* s : samples) children.push_back(&s->at(i));
      out.push_back(distribution_of(children));
    }
    return out;
  }
  std::vector<double> values;
  for (const Json* s : samples)
    if (s->is_number()) values.push_back(s->get<double>());
  if (values.empty()) return nullptr;
  return summary_json(summarize(std::move(values)), samples.size());
}

}  // namespace

Json distribution_json(const std::vector<Json>& metrics, const std::vector<Report>& reports) {
  std::vector<const Json*> samples;
  for (const Json& m : metrics) samples.push_back(&m);
  Json out = distribution_of(samples);
  for (std::size_t lb = 0; lb < reports.front().load_balancers.size(); ++lb) {
    std::size_t breached = 0;
    for (const Report& r : reports)
      if (r.load_balancers[lb].allowlist.breach_episodes > 0) ++breached;
    const Estimate p = wilson_interval(breached, reports.size());
    out["load_balancers"][lb]["breach_probability"] = Json{{"estimate", p.estimate},
                                                           {"low", p.low},
                                                           {"high", p.high},
                                                           {"replications", reports.size()},
                                                           {"with_breach", breached}};
  }
  return out;
}

}  // namespace albsim
