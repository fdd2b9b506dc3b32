#include "plan/candidates.hpp"

#include <algorithm>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "core/cidr_merge.hpp"
#include "report/text_format.hpp"
#include "scenario/scenario_document.hpp"

namespace albsim {
namespace {

using Json = nlohmann::json;

constexpr int kSmallestTopLevelByoip = 24;  // AWS accepts no BYOIP prefix longer than /24

// Placeholder space for BYOIP candidates when the planned pool holds none of the user's own.
const Cidr kPlaceholders[] = {{Ipv4{0xCB007100u}, 24},   // 203.0.113.0/24
                              {Ipv4{0xC0000200u}, 24},   // 192.0.2.0/24
                              {Ipv4{0xC6336400u}, 24}};  // 198.51.100.0/24

Cidr aligned(std::uint32_t address, int length) {
  const std::uint32_t mask = length == 0 ? 0u : ~std::uint32_t{0} << (32 - length);
  return {Ipv4{address & mask}, length};
}

std::string json_text(const Json& j) {
  return j.dump();
}

// The index of the element of `items` (pools or load balancers) with id `id`.
template <typename Item>
std::size_t index_of(const std::vector<Item>& items, const std::string& id, const char* option,
                     const char* what) {
  std::vector<std::string> ids;
  for (const Item& item : items) ids.push_back(item.id);
  const auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end())
    throw InputError(option, id,
                     std::string("no such id; the scenario's ") + what + " are " + join(ids));
  return static_cast<std::size_t>(it - ids.begin());
}

// The planned pool and its load balancers; refuses what the planner cannot replace.
PlanTarget find_target(const Scenario& base, const PlanOptions& options) {
  if (options.pool.has_value() == options.lb.has_value())
    throw InputError("albsim plan", "", "give exactly one of --pool ID or --lb ID");
  PlanTarget target;
  if (options.pool) {
    target.pool = index_of(base.pools, *options.pool, "--pool", "pools");
  } else {
    const std::size_t index = index_of(base.load_balancers, *options.lb, "--lb", "load balancers");
    const LoadBalancerSpec& lb = base.load_balancers[index];
    if (lb.pool) {
      target.pool = *lb.pool;
    } else {
      target.new_pool = true;
      target.pool = base.pools.size();
      target.pool_id = lb.id + "-planned";
      target.load_balancers.push_back(index);
    }
  }
  if (target.new_pool) return target;

  const PoolSpec& pool = base.pools[target.pool];
  const char* option = options.pool ? "--pool" : "--lb";
  target.pool_id = pool.id;
  for (std::size_t i = 0; i < base.load_balancers.size(); ++i)
    if (base.load_balancers[i].pool == target.pool) target.load_balancers.push_back(i);
  if (target.load_balancers.empty())
    throw InputError(option, pool.id, "no load balancer draws from this pool; nothing to plan");
  for (const PoolSpec& p : base.pools)
    if (p.parent == target.pool)
      throw InputError(option, pool.id,
                       "has child pools (" + p.id + "); plan a pool without children");
  if (pool.parent && pool.source == PoolSource::amazon)
    throw InputError(option, pool.id,
                     "is carved from an Amazon-provided block; plan its top-level pool instead");
  return target;
}

// Events that change the planned pool or who draws from it would outlive every candidate.
void refuse_changing_events(const Scenario& base, const PlanTarget& target) {
  for (std::size_t k = 0; k < base.events.size(); ++k) {
    const EventSpec& e = base.events[k];
    const auto* add = e.as<AddCidrEvent>();
    const bool adds_cidr = add && add->pool == target.pool;
    bool attaches = false;
    if (const auto* attach = e.as<AttachPoolEvent>()) {
      const auto& served_lbs = target.load_balancers;
      const bool served = !attach->lb || std::find(served_lbs.begin(), served_lbs.end(),
                                                   *attach->lb) != served_lbs.end();
      attaches = served || attach->pool == target.pool;
    }
    if (adds_cidr || attaches)
      throw InputError(base.file, "/events/" + std::to_string(k),
                       "this event changes the planned pool " + target.pool_id +
                           " or its load balancers; the planner replaces that pool for the whole "
                           "run, so remove the event (or plan another pool)");
  }
}

// Every CIDR the scenario names or synthesised, to keep placeholders clear of them.
std::vector<Cidr> named_cidrs(const Scenario& base) {
  std::vector<Cidr> out;
  for (const PoolSpec& p : base.pools) out.insert(out.end(), p.cidrs.begin(), p.cidrs.end());
  for (const LoadBalancerSpec& lb : base.load_balancers)
    out.insert(out.end(), lb.allowlist.begin(), lb.allowlist.end());
  for (const EventSpec& e : base.events)
    if (const auto* add = e.as<AddCidrEvent>()) out.push_back(add->cidr);
  return out;
}

bool overlaps_any(const Cidr& c, const std::vector<Cidr>& others) {
  return std::any_of(others.begin(), others.end(), [&](const Cidr& o) { return o.overlaps(c); });
}

// The lowest aligned /length inside `space` overlapping none of `taken`, preferring the one at
// `preferred`. None when nothing fits.
std::optional<Cidr> place(const std::vector<Cidr>& space, const std::vector<Cidr>& taken,
                          std::uint32_t preferred, int length) {
  const Cidr first_choice = aligned(preferred, length);
  for (const Cidr& s : space)
    if (s.contains(first_choice) && !overlaps_any(first_choice, taken)) return first_choice;
  return lowest_free_block(space, taken, length);
}

class Builder {
 public:
  Builder(const Json& document, const Scenario& base, const PlanOptions& options, FileCache& files)
      : document_(document), base_(base), options_(options), files_(files) {
    target_ = find_target(base, options);
    refuse_changing_events(base, target_);
    pool_path_ = "/pools/" + (target_.new_pool ? std::string("-") : std::to_string(target_.pool));
    kept_ = kept_pool_fields();
    choose_byoip_space();
  }

  CandidateSet build() {
    CandidateSet set;
    for (int n = options_.netmask_min; n <= options_.netmask_max; ++n)
      set.candidates.push_back(byoip(n));
    std::vector<int> amazon_netmasks = {29, 30};
    if (options_.allow_quota_increase)
      for (int n = std::max(24, options_.netmask_min); n <= std::min(28, options_.netmask_max); ++n)
        amazon_netmasks.push_back(n);
    std::sort(amazon_netmasks.begin(), amazon_netmasks.end());
    for (const int n : amazon_netmasks)
      for (const int blocks : {1, 2}) set.candidates.push_back(amazon(n, blocks));
    set.candidates.push_back(managed_only());
    mark_current(set.candidates);
    set.target = target_;
    set.notes = notes_;
    return set;
  }

 private:
  // The planned pool's own settings that every candidate keeps.
  Json kept_pool_fields() const {
    Json kept = Json::object();
    if (target_.new_pool) {
      kept["id"] = target_.pool_id;
      kept["locale"] = base_.region;
      return kept;
    }
    const Json& original = document_.at("pools").at(target_.pool);
    for (const char* key : {"id", "locale", "release_delay", "allocation"})
      if (original.contains(key)) kept[key] = original.at(key);
    return kept;
  }

  // Where BYOIP candidates come from: the parent pool (a child pool), the pool's own space (a
  // top-level BYOIP pool), or a placeholder /24 standing for space the user would bring.
  void choose_byoip_space() {
    if (!target_.new_pool) {
      const PoolSpec& pool = base_.pools[target_.pool];
      if (pool.parent) {
        parent_space_ = base_.pools[*pool.parent].cidrs;
        for (std::size_t i = 0; i < base_.pools.size(); ++i)
          if (i != target_.pool && base_.pools[i].parent == pool.parent)
            siblings_.insert(siblings_.end(), base_.pools[i].cidrs.begin(),
                             base_.pools[i].cidrs.end());
        preferred_ = pool.cidrs.front().first();
        return;
      }
      if (pool.source == PoolSource::byoip) {
        own_space_ = pool.cidrs;
        preferred_ = pool.cidrs.front().first();
        return;
      }
    }
    const std::vector<Cidr> named = named_cidrs(base_);
    for (const Cidr& c : kPlaceholders) {
      if (overlaps_any(c, named)) continue;
      own_space_ = {c};
      preferred_ = c.first();
      notes_.push_back("BYOIP candidates use " + c.to_string() +
                       " as a placeholder for address space you would bring");
      return;
    }
    notes_.push_back("no placeholder /24 is free of the scenario's CIDRs: no BYOIP candidates");
  }

  std::string space_pool_id() const {
    std::string id = target_.pool_id + "-space";
    const auto taken = [&](const std::string& candidate) {
      return std::any_of(base_.pools.begin(), base_.pools.end(),
                         [&](const PoolSpec& p) { return p.id == candidate; });
    };
    while (taken(id)) id += "-";
    return id;
  }

  BuiltCandidate byoip(int n) {
    BuiltCandidate c;
    c.result.kind = CandidateKind::byoip;
    c.result.netmask = n;
    c.result.name = "BYOIP /" + std::to_string(n);
    std::vector<Override> o;
    Json pool = kept_;
    if (!parent_space_.empty()) {
      const auto cidr = place(parent_space_, siblings_, preferred_, n);
      if (!cidr) {
        c.result.not_possible = "no free aligned /" + std::to_string(n) + " in the parent pool";
        return c;
      }
      pool["parent"] = document_.at("pools").at(target_.pool).at("parent");
      pool["cidrs"] = Json::array({cidr->to_string()});
      o.push_back({pool_path_, json_text(pool)});
    } else if (own_space_.empty()) {
      c.result.not_possible = "no address space to carve it from";
      return c;
    } else {
      const Cidr cidr = aligned(preferred_, n);
      pool["cidrs"] = Json::array({cidr.to_string()});
      if (n <= kSmallestTopLevelByoip) {
        pool["source"] = "byoip";
        o.push_back({pool_path_, json_text(pool)});
      } else {
        // AWS takes BYOIP prefixes of /24 or shorter: a longer one is a child pool of the /24.
        const std::string space_id = space_pool_id();
        Json space = {{"id", space_id}, {"source", "byoip"}};
        if (kept_.contains("locale")) space["locale"] = kept_["locale"];
        Json cidrs = Json::array();
        for (const Cidr& s : own_space_) cidrs.push_back(s.to_string());
        space["cidrs"] = cidrs;
        pool["parent"] = space_id;
        o.push_back({pool_path_, json_text(pool)});
        o.push_back({"/pools/-", json_text(space)});
      }
    }
    return finish(std::move(c), std::move(o));
  }

  BuiltCandidate amazon(int n, int blocks) {
    BuiltCandidate c;
    c.result.kind = CandidateKind::amazon;
    c.result.netmask = n;
    c.result.blocks = blocks;
    c.result.name = "Amazon /" + std::to_string(n) + " x" + std::to_string(blocks);
    Json pool = kept_;
    pool["source"] = "amazon";
    pool["netmask_length"] = n;
    pool["count"] = blocks;
    // Let the loader synthesise the blocks, then name them, so the overrides are explicit.
    std::vector<Override> first_pass = {{pool_path_, json_text(pool)}};
    add_links(first_pass);
    const auto resolved = load(first_pass);
    if (!resolved) {
      c.result.not_possible = last_error_;
      return c;
    }
    pool.erase("netmask_length");
    pool.erase("count");
    Json cidrs = Json::array();
    for (const Cidr& b : resolved->pools[target_.pool].cidrs) cidrs.push_back(b.to_string());
    pool["cidrs"] = cidrs;
    return finish(std::move(c), {{pool_path_, json_text(pool)}});
  }

  BuiltCandidate managed_only() {
    BuiltCandidate c;
    c.result.kind = CandidateKind::managed_only;
    c.result.name = "managed-only";
    std::vector<Override> o;
    for (const std::size_t j : target_.load_balancers) {
      const std::string at = "/load_balancers/" + std::to_string(j);
      if (!target_.new_pool) o.push_back({at + "/pool", "null"});
      // Their clients keep the allowlist they hold (the planned pool's CIDRs; none for a new
      // pool): every managed address breaches it. Without it a load balancer on no pool would
      // have no allowlist at all.
      if (document_.at("load_balancers").at(j).contains("allowlist")) continue;
      Json list = Json::array();
      for (const Cidr& cidr : base_.load_balancers[j].allowlist) list.push_back(cidr.to_string());
      o.push_back({at + "/allowlist", json_text(list)});
    }
    auto scenario = load(o);
    if (!scenario) {
      c.result.not_possible = last_error_;
      return c;
    }
    c.result.overrides = std::move(o);
    c.scenario = std::move(*scenario);
    return c;
  }

  // Marks the candidate that is the scenario as it is (the pool with its own CIDRs; managed-only
  // for a load balancer on no pool), adding it when no candidate is.
  void mark_current(std::vector<BuiltCandidate>& candidates) {
    if (target_.new_pool) {
      candidates.back().result.current = true;  // managed-only: what it has today
      return;
    }
    const PoolSpec& pool = base_.pools[target_.pool];
    std::size_t root = target_.pool;
    while (base_.pools[root].parent) root = *base_.pools[root].parent;
    const CandidateKind kind = base_.pools[root].source == PoolSource::amazon
                                   ? CandidateKind::amazon
                                   : CandidateKind::byoip;
    for (BuiltCandidate& c : candidates)
      if (c.scenario && c.result.kind == kind && c.result.cidrs == pool.cidrs) {
        c.result.current = true;
        return;
      }
    BuiltCandidate c;
    c.result.kind = kind;
    c.result.current = true;
    c.result.netmask = pool.cidrs.empty() ? 0 : pool.cidrs.front().length;
    c.result.blocks = static_cast<int>(pool.cidrs.size());
    std::vector<std::string> named;
    for (const Cidr& cidr : pool.cidrs) named.push_back(cidr.to_string());
    c.result.name =
        "as configured (" + (named.empty() ? std::string("no CIDR") : join(named)) + ")";
    c.result.cidrs = pool.cidrs;
    for (const Cidr& cidr : pool.cidrs) c.result.addresses += cidr.size();
    c.scenario = load({});
    if (!c.scenario) c.result.not_possible = last_error_;
    candidates.push_back(std::move(c));
  }

  // Points new-pool load balancers at the pool (every candidate but managed-only).
  void add_links(std::vector<Override>& o) const {
    if (!target_.new_pool) return;
    for (const std::size_t j : target_.load_balancers)
      o.push_back({"/load_balancers/" + std::to_string(j) + "/pool", json_text(target_.pool_id)});
  }

  // Explicit allowlists of the served load balancers: the old pool's CIDRs give way to the
  // candidate's. `cidrs` are the candidate pool's resolved CIDRs.
  void add_allowlists(std::vector<Override>& o, const std::vector<Cidr>& cidrs) {
    const std::vector<Cidr> old =
        target_.new_pool ? std::vector<Cidr>{} : base_.pools[target_.pool].cidrs;
    for (const std::size_t j : target_.load_balancers) {
      const Json& lb = document_.at("load_balancers").at(j);
      if (!lb.contains("allowlist")) continue;
      Json list = Json::array();
      for (const Cidr& entry : base_.load_balancers[j].allowlist)
        if (std::none_of(old.begin(), old.end(), [&](const Cidr& p) { return p.contains(entry); }))
          list.push_back(entry.to_string());
      for (const Cidr& c : cidrs) list.push_back(c.to_string());
      o.push_back({"/load_balancers/" + std::to_string(j) + "/allowlist", json_text(list)});
      const std::string note = "load balancer " + lb.at("id").get<std::string>() +
                               ": in its explicit allowlist each candidate's CIDRs replace the "
                               "planned pool's";
      if (std::find(notes_.begin(), notes_.end(), note) == notes_.end()) notes_.push_back(note);
    }
  }

  BuiltCandidate finish(BuiltCandidate c, std::vector<Override> o) {
    add_links(o);
    auto scenario = load(o);
    if (scenario) {
      const std::vector<Cidr>& cidrs = scenario->pools[target_.pool].cidrs;
      const std::size_t before = o.size();
      add_allowlists(o, cidrs);
      if (o.size() != before) scenario = load(o);
    }
    if (!scenario) {
      c.result.not_possible = last_error_;
      return c;
    }
    c.result.cidrs = scenario->pools[target_.pool].cidrs;
    for (const Cidr& cidr : c.result.cidrs) c.result.addresses += cidr.size();
    c.result.overrides = std::move(o);
    c.scenario = std::move(*scenario);
    return c;
  }

  // The user's scenario with the user's overrides and then `candidate` applied.
  std::optional<Scenario> load(const std::vector<Override>& candidate) {
    try {
      return load_scenario_document(document_, options_.scenario_path, candidate, files_);
    } catch (const InputError& e) {
      last_error_ = e.what();
      return std::nullopt;
    }
  }

  const Json& document_;
  const Scenario& base_;
  const PlanOptions& options_;
  FileCache& files_;
  PlanTarget target_;
  std::string pool_path_;
  Json kept_;
  std::vector<Cidr> parent_space_, siblings_, own_space_;
  std::uint32_t preferred_ = 0;
  std::vector<std::string> notes_;
  std::string last_error_;
};

}  // namespace

CandidateSet build_candidates(const nlohmann::json& document, const Scenario& base,
                              const PlanOptions& options, FileCache& files) {
  if (options.netmask_min < 8 || options.netmask_max > 32 ||
      options.netmask_min > options.netmask_max)
    throw InputError("--netmasks", "",
                     "/" + std::to_string(options.netmask_min) + " to /" +
                         std::to_string(options.netmask_max) +
                         " is not a range of IPv4 netmasks; give A-B with 8 <= A <= B <= 32, "
                         "like 24-30");
  return Builder(document, base, options, files).build();
}

}  // namespace albsim
