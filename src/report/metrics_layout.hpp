// The layout of one replication's metrics in report.json (MODEL.md §8), written once and told to
// a sink: MetricsJson builds the JSON, MetricsLeaves collects its numbers, in the same
// depth-first order, for the distribution across replications (distribution.hpp).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "albsim/report.hpp"

namespace albsim {

// Sink calls, in document order: open_object(key) / open_array(key) ... close(); number(key, v)
// for an integer or a double; maybe(key, optional) for a number or null; none(key) for an object
// that is not there (null); text(key, s). `key` is "" for an array's elements.

// Tells `out` each figure a visit_*() of albsim/report.hpp names; a figure that accrues times
// `factor` (a month's share of a cost).
template <class Sink>
auto figures_to(Sink& out, double factor = 1.0) {
  return [&out, factor](const Figure& figure, const auto& value) {
    using T = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<T, std::optional<double>>)
      out.maybe(figure.key, value);
    else if constexpr (std::is_same_v<T, double>)
      out.number(figure.key, figure.scale == FigureScale::accrues ? value * factor : value);
    else
      out.number(figure.key, value);
  };
}

// The allowlist figures under `key`, or null when there are none (no allowlist). Whether there
// are is the scenario's, the same in every replication, so the leaves line up.
template <class Sink>
void describe_allowlist(const char* key, const std::optional<AllowlistMetrics>& a, Sink& out) {
  if (!a) {
    out.none(key);
    return;
  }
  out.open_object(key);
  visit_figures(*a, figures_to(out));
  out.close();
}

template <class Sink>
void describe_load_balancer(const LoadBalancerReport& lb, double monthly, Sink& out) {
  out.text("id", lb.id);
  out.open_object("addresses");
  visit_figures(lb.addresses, figures_to(out));
  out.close();
  describe_allowlist("allowlist", lb.allowlist, out);
  out.open_object("cost");
  visit_load_balancer_cost(lb.cost, figures_to(out));
  out.open_object("monthly");
  visit_load_balancer_cost(lb.cost, figures_to(out, monthly));
  out.close();
  out.close();
}

template <class Sink>
void describe_pool(const PoolReport& p, Sink& out) {
  out.text("id", p.id);
  out.text("source", p.source == PoolSource::amazon ? "amazon" : "byoip");
  visit_figures(p, figures_to(out));
}

// Everything measured in one replication: load_balancers, pools, cost, allowlist.
template <class Sink>
void describe_metrics(const Report& report, Sink& out) {
  const double monthly = monthly_factor(report);
  out.open_array("load_balancers");
  for (const LoadBalancerReport& lb : report.load_balancers) {
    out.open_object("");
    describe_load_balancer(lb, monthly, out);
    out.close();
  }
  out.close();
  out.open_array("pools");
  for (const PoolReport& p : report.pools) {
    out.open_object("");
    describe_pool(p, out);
    out.close();
  }
  out.close();
  out.open_object("cost");
  visit_figures(report.cost, figures_to(out));
  out.open_object("monthly");
  visit_figures(report.cost, figures_to(out, monthly));
  out.close();
  out.close();
  describe_allowlist("allowlist", report.allowlist, out);
}

// Builds the metrics as ordered JSON, integers as integers.
class MetricsJson {
 public:
  using Json = nlohmann::ordered_json;
  MetricsJson() { open_.push_back(&root_); }
  void open_object(const char* key) { open_.push_back(&add(key, Json::object())); }
  void open_array(const char* key) { open_.push_back(&add(key, Json::array())); }
  void close() { open_.pop_back(); }
  void number(const char* key, std::uint64_t v) { add(key, v); }
  void number(const char* key, double v) { add(key, v); }
  void maybe(const char* key, const std::optional<double>& v) {
    add(key, v ? Json(*v) : Json(nullptr));
  }
  void none(const char* key) { add(key, nullptr); }
  void text(const char* key, const std::string& v) { add(key, v); }
  Json take() { return std::move(root_); }

 private:
  Json& add(const char* key, Json value) {
    Json& top = *open_.back();
    if (top.is_array()) {
      top.push_back(std::move(value));
      return top.back();
    }
    return top[key] = std::move(value);
  }
  Json root_ = Json::object();
  std::vector<Json*> open_;  // the object or array being filled, innermost last
};

// Appends each number to its leaf's column (a null adds nothing); strings are not leaves.
class MetricsLeaves {
 public:
  explicit MetricsLeaves(std::vector<std::vector<double>>& columns) : columns_(columns) {}
  void open_object(const char*) {}
  void open_array(const char*) {}
  void close() {}
  void number(const char*, std::uint64_t v) { column().push_back(static_cast<double>(v)); }
  void number(const char*, double v) { column().push_back(v); }
  void maybe(const char*, const std::optional<double>& v) {
    std::vector<double>& c = column();
    if (v) c.push_back(*v);
  }
  void none(const char*) { column(); }  // a null leaf, as a null number
  void text(const char*, const std::string&) {}
  std::size_t leaves() const { return next_; }

 private:
  std::vector<double>& column() {
    if (next_ == columns_.size()) columns_.emplace_back();
    return columns_[next_++];
  }
  std::vector<std::vector<double>>& columns_;
  std::size_t next_ = 0;
};

}  // namespace albsim
