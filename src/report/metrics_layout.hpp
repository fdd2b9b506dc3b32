// The layout of one replication's metrics in report.json (MODEL.md §8), written once and told to
// a sink: MetricsJson builds the JSON, MetricsLeaves collects its numbers, in the same
// depth-first order, for the distribution across replications (distribution.hpp).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "albsim/report.hpp"

namespace albsim {

// Sink calls, in document order: open_object(key) / open_array(key) ... close(); number(key, v)
// for an integer or a double; maybe(key, optional) for a number or null; text(key, s). `key` is
// "" for an array's elements.
template <class Sink>
void describe_allowlist(const AllowlistMetrics& a, Sink& out) {
  out.maybe("in_allowlist_ratio", a.in_allowlist_ratio);
  out.number("breach_episodes", a.breach_episodes);
  out.number("breach_seconds", a.breach_seconds);
  out.number("longest_breach_s", a.longest_breach_s);
  out.maybe("first_breach_s", a.first_breach_s);
  out.number("distinct_outside_addresses", a.distinct_outside_addresses);
  out.number("dns_changes", a.dns_changes);
  out.number("client_failure_ratio", a.client_failure_ratio);
}

template <class Sink>
void describe_fleet_cost(const CostBreakdown& c, double factor, Sink& out) {
  out.number("managed_ipv4", c.managed_ipv4 * factor);
  out.number("amazon_blocks", c.amazon_blocks * factor);
  out.number("byoip", c.byoip * factor);
  out.number("byoip_ownership", c.byoip_ownership * factor);
  out.number("ipam", c.ipam * factor);
  out.number("total", c.total * factor);
  out.number("managed_only", c.managed_only * factor);
  out.number("saving", c.saving * factor);
}

template <class Sink>
void describe_load_balancer(const LoadBalancerReport& lb, double monthly, Sink& out) {
  out.text("id", lb.id);
  out.open_object("addresses");
  const AddressMetrics& a = lb.addresses;
  out.number("peak_total", a.peak_total);
  out.number("peak_pool", a.peak_pool);
  out.number("peak_managed", a.peak_managed);
  out.number("pool_address_hours", a.pool_address_hours);
  out.number("managed_address_hours", a.managed_address_hours);
  out.number("managed_acquisitions", a.managed_acquisitions);
  out.close();
  out.open_object("allowlist");
  describe_allowlist(lb.allowlist, out);
  out.close();
  out.open_object("cost");
  out.number("managed_ipv4", lb.cost.managed_ipv4);
  out.number("managed_only", lb.cost.managed_only);
  out.number("saving", lb.cost.saving);
  out.open_object("monthly");
  out.number("managed_ipv4", lb.cost.managed_ipv4 * monthly);
  out.number("managed_only", lb.cost.managed_only * monthly);
  out.number("saving", lb.cost.saving * monthly);
  out.close();
  out.close();
}

template <class Sink>
void describe_pool(const PoolReport& p, Sink& out) {
  out.text("id", p.id);
  out.text("source", p.source == PoolSource::amazon ? "amazon" : "byoip");
  out.number("capacity", p.capacity);
  out.number("peak_in_use", p.peak_in_use);
  out.number("min_free", p.min_free);
  out.maybe("utilization", p.utilization);
  out.number("in_use_address_hours", p.in_use_address_hours);
  out.number("exhausted_seconds", p.exhausted_seconds);
  out.number("exhaustion_episodes", p.exhaustion_episodes);
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
  describe_fleet_cost(report.cost, 1.0, out);
  out.open_object("monthly");
  describe_fleet_cost(report.cost, monthly, out);
  out.close();
  out.close();
  out.open_object("allowlist");
  describe_allowlist(report.allowlist, out);
  out.close();
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
