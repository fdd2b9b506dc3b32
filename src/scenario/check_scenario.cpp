#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <utility>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "ipam/pool_forest.hpp"
#include "scenario/demand_bound.hpp"
#include "scenario/parse_scenario.hpp"
#include "scenario/trace_inputs.hpp"
#include "scenario/work_estimate.hpp"

namespace albsim {
namespace {

// A CIDR of a pool, with where it was written and from when it is provisioned.
struct PlacedCidr {
  Cidr cidr;
  std::string pointer;
  SimTime from;
};

// Free space for synthetic Amazon blocks: documentation and benchmarking ranges (RFC 5737,
// RFC 2544) in this order. Blocks never overlap a CIDR the scenario names.
const Cidr kSyntheticRanges[] = {{Ipv4{0xC6336400u}, 24},   // 198.51.100.0/24
                                 {Ipv4{0xC0000200u}, 24},   // 192.0.2.0/24
                                 {Ipv4{0xC6120000u}, 15}};  // 198.18.0.0/15

// `pattern` printed with `args` (a warning's figures).
template <class... Args>
std::string printed(const char* pattern, Args... args) {
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, pattern, args...);
  return buffer;
}

class Checker {
 public:
  explicit Checker(ParsedScenario parsed) : p_(std::move(parsed)), s_(p_.scenario) {}

  Scenario run() {
    collect_cidrs();
    check_forest();
    check_pool_cidrs();
    synthesise_amazon_blocks();
    for (std::size_t i = 0; i < s_.load_balancers.size(); ++i) check_lb(i);
    for (std::size_t i = 0; i < s_.events.size(); ++i) check_event(i);
    for (std::size_t i = 0; i < s_.random_events.size(); ++i) check_random_event(i);
    check_work(s_);
    check_demand_bounds(s_);
    resolve_allowlists();
    one_path_is_not_a_sample();
    warn_prices();
    warn_quotas();
    describe_trace_inputs(s_);
    return std::move(s_);
  }

 private:
  [[noreturn]] void fail(const std::string& pointer, const std::string& problem) const {
    throw InputError(s_.file, pointer, problem);
  }
  void warn(const std::string& pointer, const std::string& text) {
    s_.warnings.push_back(s_.file + ": " + pointer + ": " + text);
  }
  static std::string pool_ptr(std::size_t i) { return "/pools/" + std::to_string(i); }
  static std::string lb_ptr(std::size_t i) { return "/load_balancers/" + std::to_string(i); }
  static std::string event_ptr(std::size_t i) { return "/events/" + std::to_string(i); }

  void collect_cidrs() {
    placed_.resize(s_.pools.size());
    for (std::size_t i = 0; i < s_.pools.size(); ++i)
      for (std::size_t c = 0; c < s_.pools[i].cidrs.size(); ++c)
        placed_[i].push_back(
            {s_.pools[i].cidrs[c], pool_ptr(i) + "/cidrs/" + std::to_string(c), SimTime()});
    for (std::size_t i = 0; i < s_.events.size(); ++i) {
      const EventSpec& e = s_.events[i];
      if (const auto* add = e.as<AddCidrEvent>())
        placed_[add->pool].push_back({add->cidr, event_ptr(i) + "/cidr", e.at});
    }
  }

  void check_forest() {
    std::vector<std::optional<std::size_t>> parents;
    for (const PoolSpec& pool : s_.pools) parents.push_back(pool.parent);
    forest_ = analyse_pool_forest(parents);
    if (forest_.fault == PoolForest::Fault::cycle)
      fail(pool_ptr(forest_.fault_pool) + "/parent", "pool parents form a cycle through \"" +
                                                         s_.pools[forest_.fault_pool].id +
                                                         "\"; pools must form a tree");
    if (forest_.fault == PoolForest::Fault::too_deep)
      fail(pool_ptr(forest_.fault_pool) + "/parent",
           "pools nest deeper than IPAM's limit of " + std::to_string(kMaxPoolDepth));
    s_.pools_top_down = forest_.top_down;
    for (const std::size_t i : forest_.top_down) {
      PoolSpec& pool = s_.pools[i];
      if (!pool.parent) continue;
      const PoolSource inherited = s_.pools[*pool.parent].source;
      if (p_.amazon_block_netmask[i])
        fail(pool_ptr(i) + "/netmask_length", "a child pool takes \"cidrs\" inside its parent's");
      pool.source = inherited;  // a child inherits its source
    }
  }

  void check_pool_cidrs() {
    for (std::size_t i = 0; i < s_.pools.size(); ++i) {
      const PoolSpec& pool = s_.pools[i];
      for (const PlacedCidr& c : placed_[i]) {
        if (!pool.parent) check_top_level_length(pool, c);
        if (pool.parent && !inside_parent(*pool.parent, c))
          fail(c.pointer, c.cidr.to_string() + " is not inside a CIDR of parent pool \"" +
                              s_.pools[*pool.parent].id + "\" provisioned by then");
      }
      for (std::size_t a = 0; a < placed_[i].size(); ++a)
        for (std::size_t b = 0; b < a; ++b)
          if (placed_[i][a].cidr.overlaps(placed_[i][b].cidr))
            fail(placed_[i][a].pointer, placed_[i][a].cidr.to_string() + " overlaps " +
                                            placed_[i][b].cidr.to_string() + " of the same pool");
    }
    // Siblings (top-level pools are siblings too) must not overlap.
    for (std::size_t a = 0; a < s_.pools.size(); ++a)
      for (std::size_t b = 0; b < a; ++b) {
        if (s_.pools[a].parent != s_.pools[b].parent) continue;
        for (const PlacedCidr& ca : placed_[a])
          for (const PlacedCidr& cb : placed_[b])
            if (ca.cidr.overlaps(cb.cidr))
              fail(ca.pointer, ca.cidr.to_string() + " overlaps " + cb.cidr.to_string() +
                                   " of pool \"" + s_.pools[b].id +
                                   "\"; sibling pools must not overlap");
      }
  }

  void check_top_level_length(const PoolSpec& pool, const PlacedCidr& c) const {
    if (pool.source == PoolSource::byoip && c.cidr.length > 24)
      fail(c.pointer, "a BYOIP CIDR must be /24 or larger (found /" +
                          std::to_string(c.cidr.length) +
                          "); /24 is the most specific prefix AWS advertises");
    if (pool.source == PoolSource::amazon && (c.cidr.length < 24 || c.cidr.length > 30))
      fail(c.pointer, "an Amazon-provided block must be between /24 and /30 (found /" +
                          std::to_string(c.cidr.length) + ")");
  }

  bool inside_parent(std::size_t parent, const PlacedCidr& c) const {
    return std::any_of(placed_[parent].begin(), placed_[parent].end(), [&](const PlacedCidr& pc) {
      return pc.cidr.contains(c.cidr) && pc.from <= c.from;
    });
  }

  void synthesise_amazon_blocks() {
    std::vector<Cidr> taken;
    for (const auto& list : placed_)
      for (const PlacedCidr& c : list) taken.push_back(c.cidr);
    for (std::size_t i = 0; i < s_.pools.size(); ++i) {
      const auto netmask = p_.amazon_block_netmask[i];
      if (!netmask) continue;
      const std::string ptr = pool_ptr(i) + "/netmask_length";
      if (s_.pools[i].source != PoolSource::amazon)
        fail(ptr, "\"netmask_length\" is for Amazon-provided pools; a BYOIP pool takes \"cidrs\"");
      if (*netmask < 24 || *netmask > 30)
        fail(ptr, "an Amazon-provided block must be between /24 and /30 (found /" +
                      std::to_string(*netmask) + ")");
      for (int n = 0; n < p_.amazon_block_count[i]; ++n) {
        const auto block = free_block(*netmask, taken);
        if (!block) fail(ptr, "no room left for synthetic Amazon blocks; give explicit \"cidrs\"");
        taken.push_back(*block);
        s_.pools[i].cidrs.push_back(*block);
        placed_[i].push_back({*block, ptr, SimTime()});
      }
    }
  }

  static std::optional<Cidr> free_block(int length, const std::vector<Cidr>& taken) {
    const std::uint64_t size = std::uint64_t{1} << (32 - length);
    for (const Cidr& range : kSyntheticRanges) {
      if (range.length > length) continue;
      for (std::uint64_t base = range.first(); base + size - 1 <= range.last(); base += size) {
        const Cidr candidate{Ipv4{static_cast<std::uint32_t>(base)}, length};
        if (std::none_of(taken.begin(), taken.end(),
                         [&](const Cidr& t) { return t.overlaps(candidate); }))
          return candidate;
      }
    }
    return std::nullopt;
  }

  void check_locale(std::size_t pool, const std::string& pointer) const {
    const PoolSpec& p = s_.pools[pool];
    if (p.locale != s_.region)
      fail(pointer, "pool \"" + p.id + "\" has locale \"" + p.locale +
                        "\" but the scenario region is \"" + s_.region +
                        "\"; a load balancer draws only from a pool whose locale is its region");
  }

  void check_lb(std::size_t i) {
    const LoadBalancerSpec& lb = s_.load_balancers[i];
    const std::string ptr = lb_ptr(i);
    if (lb.azs.size() < 2)
      fail(ptr + "/azs",
           "an ALB needs at least 2 AZs (found " + std::to_string(lb.azs.size()) + ")");
    std::set<std::string> seen;
    for (std::size_t a = 0; a < lb.azs.size(); ++a)
      if (!seen.insert(lb.azs[a]).second)
        fail(ptr + "/azs/" + std::to_string(a), "duplicate AZ \"" + lb.azs[a] + "\"");
    if (lb.pool) check_locale(*lb.pool, ptr + "/pool");
    if (lb.min_nodes_per_az > lb.max_nodes_per_az)
      fail(ptr + "/min_nodes_per_az", "min_nodes_per_az (" + std::to_string(lb.min_nodes_per_az) +
                                          ") is greater than max_nodes_per_az (" +
                                          std::to_string(lb.max_nodes_per_az) + ")");
    const SimTime overlap = lb.launch_delay.typical_max() + lb.drain_time;
    if (lb.replacement.kind == ReplacementSpec::Kind::every && lb.replacement.age <= overlap)
      fail(ptr + "/replacement/every",
           "must be longer than launch_delay + drain_time (" + format_duration(overlap) + ")");
  }

  void check_event(std::size_t i) {
    const EventSpec& e = s_.events[i];
    const std::string ptr = event_ptr(i);
    if (const auto* attach = e.as<AttachPoolEvent>(); attach && attach->pool) {
      check_locale(*attach->pool, ptr + "/pool");
    }
    if (const auto* outage = e.as<AzOutageEvent>()) check_az(outage->lb, outage->az, ptr + "/az");
  }

  void check_random_event(std::size_t i) {
    const RandomEventSpec& e = s_.random_events[i];
    if (e.type == RandomEventSpec::Kind::az_outage && !e.az.empty())
      check_az(e.lb, e.az, "/random_events/" + std::to_string(i) + "/az");
  }

  void check_az(const std::optional<std::size_t>& only_lb, const std::string& az,
                const std::string& pointer) const {
    for (std::size_t lb = 0; lb < s_.load_balancers.size(); ++lb) {
      if (only_lb && *only_lb != lb) continue;
      const auto& azs = s_.load_balancers[lb].azs;
      if (std::find(azs.begin(), azs.end(), az) != azs.end()) return;
    }
    fail(pointer, "no load balancer it applies to has AZ \"" + az + "\"");
  }

  // An explicit allowlist stands; else a load balancer's allowlist is every CIDR of every pool it
  // draws from, and one that draws from no pool has none (no allowlist figures). A pool that
  // never holds a CIDR gives its load balancers an empty allowlist: a breach all run, warned.
  void resolve_allowlists() {
    std::vector<std::vector<std::string>> drawn_by(s_.pools.size());
    for (std::size_t i = 0; i < s_.load_balancers.size(); ++i) {
      LoadBalancerSpec& lb = s_.load_balancers[i];
      const std::vector<std::size_t> used = pools_drawn_by(s_, i);
      for (const std::size_t pool : used) drawn_by[pool].push_back(lb.id);
      lb.has_allowlist = p_.allowlist_given[i] || !used.empty();
      if (p_.allowlist_given[i]) continue;
      for (const std::size_t pool : used)
        for (const PlacedCidr& c : placed_[pool]) lb.allowlist.push_back(c.cidr);
      std::sort(lb.allowlist.begin(), lb.allowlist.end());
    }
    for (std::size_t pool = 0; pool < s_.pools.size(); ++pool) {
      if (!placed_[pool].empty() || drawn_by[pool].empty()) continue;
      std::string names;
      for (const std::string& id : drawn_by[pool]) names += (names.empty() ? "" : ", ") + id;
      warn(pool_ptr(pool) + "/cidrs",
           "pool \"" + s_.pools[pool].id + "\" holds no CIDR, so " + names +
               " take only AWS-managed addresses, all outside their allowlist: a breach for the "
               "whole run; give its CIDRs (albsim import aws: --pool-cidrs)");
    }
  }

  // Replications of a scenario with no random element repeat one path: a Wilson interval over
  // copies would read as evidence. Runs one, and says how to sample instead.
  void one_path_is_not_a_sample() {
    if (s_.replications <= 1 || has_random_timing(s_)) return;
    warn("/replications", std::to_string(s_.replications) +
                              " replications of a scenario with no random element would repeat "
                              "one path: running 1, whose figures are exact for that path (a "
                              "breach probability of 0 or 1, not an estimate); to sample, " +
                              how_to_sample(s_));
    s_.replications = 1;
  }

  // Prices typed in the wrong unit give a bill hundreds of times off with nothing else amiss.
  // A what-if may mean them, so they are warnings: a price per IP-hour from $0.10 (20 times
  // AWS's public IPv4 charge; 730 times too high when a monthly price lands in the hourly
  // field), and a BYOIP address above $1,000 (addresses trade for tens of dollars; a block's
  // price lands there). The defaults draw neither.
  void warn_prices() {
    const Pricing& price = s_.pricing;
    const std::pair<const char*, double> hourly_prices[] = {
        {"public_ipv4_per_ip_hour", price.public_ipv4_per_ip_hour.value()},
        {"amazon_block_per_ip_hour", price.amazon_block_per_ip_hour.value()},
        {"ipam_advanced_per_ip_hour", price.ipam_advanced_per_ip_hour.value()}};
    for (const auto& [key, hourly] : hourly_prices)
      if (hourly >= 0.1)
        warn(std::string("/pricing/") + key,
             printed("$%g per IP-hour is $%.2f per address per 730-hour month, 20 or more times "
                     "AWS's $0.005; if %g is a monthly price, give %g / 730 = %.6g",
                     hourly, hourly * 730, hourly, hourly, hourly / 730));
    const double each = price.byoip_price_per_address.value();
    if (each > 1000)
      warn("/pricing/byoip_price_per_address",
           printed("$%g for one IPv4 address, where addresses trade for tens of dollars; if it is "
                   "the price of a whole block, divide it by the block's addresses (256 in a /24: "
                   "%g / 256 = %.2f)",
                   each, each, each / 256));
  }

  void warn_quotas() {
    std::size_t blocks = 0;
    for (std::size_t i = 0; i < s_.pools.size(); ++i) {
      if (s_.pools[i].parent || s_.pools[i].source != PoolSource::amazon) continue;
      for (const PlacedCidr& c : placed_[i]) {
        ++blocks;
        if (c.cidr.length < 29)
          warn(c.pointer, "an Amazon-provided block larger than /29 (" + c.cidr.to_string() +
                              ") needs a quota increase from AWS Support");
      }
    }
    if (blocks > 2)
      warn("/pools", std::to_string(blocks) +
                         " Amazon-provided blocks; more than 2 per Region needs a quota increase");
  }

  ParsedScenario p_;
  Scenario& s_;
  std::vector<std::vector<PlacedCidr>> placed_;
  PoolForest forest_;
};

}  // namespace

Scenario check_scenario(ParsedScenario parsed) {
  return Checker(std::move(parsed)).run();
}

}  // namespace albsim
