#include "report/distribution.hpp"

#include <stdexcept>

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

// The leaves of a metrics document: every node that is neither an object nor an array, except
// strings held by objects (identifiers).
std::size_t count_leaves(const Json& j) {
  std::size_t n = 0;
  if (j.is_object()) {
    for (const auto& [key, value] : j.items())
      if (!value.is_string()) n += count_leaves(value);
    return n;
  }
  if (j.is_array()) {
    for (const Json& element : j) n += count_leaves(element);
    return n;
  }
  return 1;
}

// Mirrors the shape of the first replication's metrics: objects and arrays recurse,
// identifiers are kept, each leaf becomes the summary of its column (none when no replication
// had a number there: an object leaves it out).
Json distribution_of(const Json& first, std::vector<std::vector<double>>& columns,
                     std::size_t& next, std::size_t replications) {
  if (first.is_object()) {
    Json out = Json::object();
    for (const auto& [key, value] : first.items()) {
      if (value.is_string()) {
        out[key] = value;
        continue;
      }
      Json child = distribution_of(value, columns, next, replications);
      if (!child.is_null()) out[key] = std::move(child);
    }
    return out;
  }
  if (first.is_array()) {
    Json out = Json::array();
    for (const Json& element : first)
      out.push_back(distribution_of(element, columns, next, replications));
    return out;
  }
  std::vector<double>& values = columns[next++];
  if (values.empty()) return nullptr;
  return summary_json(summarize(std::move(values)), replications);
}

}  // namespace

Json distribution_json(const Json& first, std::vector<std::vector<double>> columns,
                       const std::vector<Report>& reports) {
  if (count_leaves(first) != columns.size())
    throw std::logic_error("the metrics' leaves and their columns differ in number");
  std::size_t next = 0;
  Json out = distribution_of(first, columns, next, reports.size());
  for (std::size_t lb = 0; lb < reports.front().load_balancers.size(); ++lb) {
    if (!reports.front().load_balancers[lb].allowlist) {  // no allowlist to breach
      out["load_balancers"][lb]["breach_probability"] = nullptr;
      continue;
    }
    std::size_t breached = 0;
    for (const Report& r : reports)
      if (r.load_balancers[lb].allowlist->breach_episodes > 0) ++breached;
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
