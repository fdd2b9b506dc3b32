#include "scenario/parse_scenario.hpp"

#include <algorithm>
#include <map>

#include "core/calendar.hpp"
#include "io/ip_ranges.hpp"
#include "io/read_file.hpp"
#include "scenario/json_reader.hpp"
#include "scenario/parse_demand.hpp"

namespace albsim {

namespace {

class Parser {
 public:
  Parser(const nlohmann::json& document, const std::string& file, FileCache& files)
      : root_(document, "", file), out_{}, files_(files) {}

  ParsedScenario run() {
    root_.expect_object({"name", "region", "start", "horizon", "seed", "replications", "pricing",
                         "pools", "reservations", "load_balancers", "events", "random_events",
                         "managed_ranges"});
    Scenario& s = out_.scenario;
    s.file = root_.file();
    s.name = root_.string_if("name").value_or("");
    if (root_.has("region")) s.region = root_.at("region").identifier();
    if (root_.has("start")) {
      const JsonReader start = root_.at("start");
      const auto epoch = parse_iso8601(start.string());
      if (!epoch) start.fail("expected an ISO-8601 time like \"2026-11-23T00:00:00Z\"");
      s.start_epoch_ms = *epoch;
    }
    // The horizon bounds every time that follows (reservations, events): checked first.
    s.horizon = root_.at("horizon").duration();
    if (s.horizon.ms() == 0) root_.at("horizon").fail("must be greater than 0");
    if (s.horizon.ms() > kMaxHorizonMs)
      root_.at("horizon").fail("must not exceed 10 years (87660h)");
    s.seed = static_cast<std::uint64_t>(root_.integer_or("seed", 0, 0, kMaxSeed));
    s.replications = static_cast<int>(root_.integer_or("replications", 1, 1, kMaxReplications));
    if (root_.has("pricing")) parse_pricing(root_.at("pricing"));
    if (root_.has("managed_ranges")) parse_managed_ranges(root_.at("managed_ranges"));

    const JsonReader pools = root_.at("pools");
    for (std::size_t i = 0; i < pools.array_size(); ++i) declare_pool(pools.element(i));
    for (std::size_t i = 0; i < pools.array_size(); ++i) parse_pool(pools.element(i), i);

    const JsonReader lbs = root_.at("load_balancers");
    if (lbs.array_size() == 0) lbs.fail("needs at least one load balancer");
    for (std::size_t i = 0; i < lbs.array_size(); ++i) declare_lb(lbs.element(i));
    for (std::size_t i = 0; i < lbs.array_size(); ++i) parse_lb(lbs.element(i));

    if (root_.has("reservations")) {
      const JsonReader list = root_.at("reservations");
      for (std::size_t i = 0; i < list.array_size(); ++i) parse_reservation(list.element(i));
    }
    if (root_.has("events")) {
      const JsonReader list = root_.at("events");
      for (std::size_t i = 0; i < list.array_size(); ++i) parse_event(list.element(i));
    }
    if (root_.has("random_events")) {
      const JsonReader list = root_.at("random_events");
      for (std::size_t i = 0; i < list.array_size(); ++i) parse_random_event(list.element(i));
    }
    return std::move(out_);
  }

 private:
  void parse_pricing(const JsonReader& p) {
    p.expect_object({"public_ipv4_per_ip_hour", "amazon_block_per_ip_hour", "ipam_tier",
                     "ipam_advanced_per_ip_hour", "byoip_price_per_address",
                     "byoip_amortize_months", "byoip_owned"});
    Pricing& price = out_.scenario.pricing;
    const auto hourly = [&](const char* key, UsdPerAddressHour fallback) {
      return UsdPerAddressHour(p.number_in_or(key, fallback.value(), 0, kMaxPricePerAddressHour));
    };
    price.public_ipv4_per_ip_hour =
        hourly("public_ipv4_per_ip_hour", price.public_ipv4_per_ip_hour);
    price.amazon_block_per_ip_hour =
        hourly("amazon_block_per_ip_hour", price.amazon_block_per_ip_hour);
    if (p.has("ipam_tier"))
      price.ipam_advanced = p.at("ipam_tier").choice({"free", "advanced"}) == "advanced";
    price.ipam_advanced_per_ip_hour =
        hourly("ipam_advanced_per_ip_hour", price.ipam_advanced_per_ip_hour);
    price.byoip_price_per_address = Usd(p.number_in_or(
        "byoip_price_per_address", price.byoip_price_per_address.value(), 0, kMaxPricePerAddress));
    price.byoip_amortize_months =
        p.number_in_or("byoip_amortize_months", price.byoip_amortize_months, 1, kMaxAmortizeMonths);
    if (p.has("byoip_owned")) price.byoip_owned = p.at("byoip_owned").boolean();
  }

  void parse_managed_ranges(const JsonReader& m) {
    m.expect_object({"ip_ranges_file", "service"});
    ManagedRangesSpec spec;
    spec.service = m.string_if("service").value_or(spec.service);
    const JsonReader file = m.at("ip_ranges_file");
    const std::string path = scenario_relative_path(root_.file(), file.identifier());
    const std::string key = path + "\n" + out_.scenario.region + "\n" + spec.service;
    if (const auto cached = files_.ip_ranges.find(key); cached != files_.ip_ranges.end()) {
      spec.prefixes = cached->second;
    } else {
      try {
        spec.prefixes = load_ip_ranges(path, out_.scenario.region, spec.service);
      } catch (const ReadError& e) {
        file.fail(e.what());
      }
      files_.ip_ranges.emplace(key, spec.prefixes);
    }
    out_.scenario.managed_ranges = std::move(spec);
  }

  // ---- pools ----

  void declare_pool(const JsonReader& p) {
    p.expect_object({"id", "source", "parent", "locale", "cidrs", "netmask_length", "count",
                     "release_delay", "allocation"});
    const std::string id = p.at("id").identifier();
    if (!pool_ids_.emplace(id, pool_ids_.size()).second)
      p.at("id").fail("duplicate pool id \"" + id + "\"; pool ids must be unique");
    out_.scenario.pools.emplace_back().id = id;
  }

  void parse_pool(const JsonReader& p, std::size_t index) {
    PoolSpec& pool = out_.scenario.pools[index];
    if (p.has("parent")) pool.parent = pool_ref(p.at("parent"));
    if (pool.parent && p.has("source"))
      p.at("source").fail("a child pool inherits its parent's source; remove \"source\"");
    if (p.has("source")) {
      pool.source = p.at("source").choice({"byoip", "amazon"}) == "amazon" ? PoolSource::amazon
                                                                           : PoolSource::byoip;
    } else if (!pool.parent) {
      p.fail("a top-level pool needs \"source\": \"byoip\" or \"amazon\"");
    }
    pool.locale = p.string_if("locale").value_or("");
    pool.release_delay = p.duration_or("release_delay", SimTime());
    if (p.has("allocation"))
      pool.random_allocation = p.at("allocation").choice({"lowest", "random"}) == "random";

    std::optional<int> netmask;
    int count = 0;
    if (p.has("netmask_length")) {
      netmask = static_cast<int>(p.at("netmask_length").integer(0, 32));
      count = static_cast<int>(p.integer_or("count", 1, 1, 64));
    } else if (p.has("count")) {
      p.at("count").fail("\"count\" goes with \"netmask_length\" (Amazon-provided blocks)");
    }
    if (p.has("cidrs")) {
      if (netmask)
        p.at("netmask_length").fail("give either \"cidrs\" or \"netmask_length\", not both");
      const JsonReader cidrs = p.at("cidrs");
      for (std::size_t i = 0; i < cidrs.array_size(); ++i)
        pool.cidrs.push_back(cidrs.element(i).cidr());
    } else if (!netmask) {
      p.fail("a pool needs \"cidrs\" (or, for an Amazon-provided pool, \"netmask_length\")");
    }
    out_.amazon_block_netmask.push_back(netmask);
    out_.amazon_block_count.push_back(count);
  }

  std::size_t pool_ref(const JsonReader& r) const {
    const std::string id = r.identifier();
    const auto it = pool_ids_.find(id);
    if (it == pool_ids_.end()) r.fail("unknown pool \"" + id + "\"" + known(pool_ids_));
    return it->second;
  }

  std::optional<std::size_t> lb_ref_if(const JsonReader& e) const {
    if (!e.has("lb")) return std::nullopt;
    const JsonReader r = e.at("lb");
    const std::string id = r.identifier();
    const auto it = lb_ids_.find(id);
    if (it == lb_ids_.end()) r.fail("unknown load balancer \"" + id + "\"" + known(lb_ids_));
    return it->second;
  }

  static std::string known(const std::map<std::string, std::size_t>& ids) {
    std::string out = "; known: ";
    bool first = true;
    for (const auto& [id, unused] : ids) {
      out += (first ? "\"" : ", \"") + id + "\"";
      first = false;
    }
    return ids.empty() ? "; none is defined" : out;
  }

  // ---- load balancers ----

  void declare_lb(const JsonReader& l) {
    l.expect_object({"id", "pool", "azs", "demand", "node_capacity_lcu", "min_nodes_per_az",
                     "max_nodes_per_az", "launch_delay", "drain_time", "scale_in_cooldown",
                     "evaluation_interval", "replacement", "scale_in_victims", "reclaim",
                     "capacity_reservation_lcu", "allowlist"});
    const std::string id = l.at("id").identifier();
    if (!lb_ids_.emplace(id, lb_ids_.size()).second)
      l.at("id").fail("duplicate load balancer id \"" + id + "\"; ids must be unique");
  }

  void parse_lb(const JsonReader& l) {
    LoadBalancerSpec lb;
    lb.id = l.at("id").identifier();
    if (l.has("pool") && !l.at("pool").json().is_null()) lb.pool = pool_ref(l.at("pool"));
    const JsonReader azs = l.at("azs");
    for (std::size_t i = 0; i < azs.array_size(); ++i)
      lb.azs.push_back(azs.element(i).identifier());
    lb.node_capacity_lcu = Lcu(l.positive_or("node_capacity_lcu", lb.node_capacity_lcu.value()));
    lb.min_nodes_per_az =
        static_cast<int>(l.integer_or("min_nodes_per_az", lb.min_nodes_per_az, 1, 100));
    lb.max_nodes_per_az =
        static_cast<int>(l.integer_or("max_nodes_per_az", lb.max_nodes_per_az, 1, 100));
    if (l.has("launch_delay")) lb.launch_delay = distribution(l.at("launch_delay"), true);
    lb.drain_time = l.duration_or("drain_time", lb.drain_time);
    lb.scale_in_cooldown = l.duration_or("scale_in_cooldown", lb.scale_in_cooldown);
    lb.evaluation_interval = l.duration_or("evaluation_interval", lb.evaluation_interval);
    if (lb.evaluation_interval.ms() == 0)
      l.at("evaluation_interval").fail("must be greater than 0");
    lb.demand = parse_demand(l.at("demand"), files_.traces, lb.evaluation_interval,
                             out_.scenario.start_epoch_ms);
    if (l.has("replacement")) lb.replacement = parse_replacement(l.at("replacement"));
    if (l.has("scale_in_victims")) {
      const std::string v = l.at("scale_in_victims").choice({"prefer_managed", "newest", "oldest"});
      lb.scale_in_victims = v == "newest"   ? VictimPolicy::newest
                            : v == "oldest" ? VictimPolicy::oldest
                                            : VictimPolicy::prefer_managed;
    }
    if (l.has("reclaim"))
      lb.reclaim = l.at("reclaim").choice({"none", "replace"}) == "replace" ? ReclaimPolicy::replace
                                                                            : ReclaimPolicy::none;
    lb.capacity_reservation_lcu = Lcu(l.non_negative_or("capacity_reservation_lcu", 0));
    out_.allowlist_given.push_back(l.has("allowlist"));
    if (l.has("allowlist")) {
      const JsonReader list = l.at("allowlist");
      for (std::size_t i = 0; i < list.array_size(); ++i)
        lb.allowlist.push_back(list.element(i).cidr());
    }
    out_.scenario.load_balancers.push_back(std::move(lb));
  }

  // A duration, `{"uniform": [a, b]}` (when allowed) or `{"exponential": mean}`.
  static DurationDistribution distribution(const JsonReader& d, bool allow_uniform) {
    DurationDistribution out;
    if (!d.json().is_object()) {
      out.fixed = d.duration();
      return out;
    }
    if (allow_uniform)
      d.expect_object({"uniform", "exponential"});
    else
      d.expect_object({"exponential"});
    if (d.json().size() != 1)
      d.fail(allow_uniform ? "give one of {\"uniform\": [a, b]} or {\"exponential\": mean}"
                           : "give {\"exponential\": mean}");
    if (d.has("exponential")) {
      out.kind = DurationDistribution::Kind::exponential;
      out.mean = d.at("exponential").duration();
      if (out.mean.ms() == 0) d.at("exponential").fail("the mean must be greater than 0");
      return out;
    }
    const JsonReader bounds = d.at("uniform");
    if (bounds.array_size() != 2) bounds.fail("expected [low, high], like [\"1m\", \"3m\"]");
    out.kind = DurationDistribution::Kind::uniform;
    out.low = bounds.element(0).duration();
    out.high = bounds.element(1).duration();
    if (out.high < out.low) bounds.element(1).fail("the upper bound is below the lower bound");
    return out;
  }

  static ReplacementSpec parse_replacement(const JsonReader& r) {
    ReplacementSpec out;
    if (r.json().is_string()) {
      r.choice({"none"});
      return out;
    }
    r.expect_object({"every", "mean"});
    if (r.json().size() != 1) r.fail("give one of {\"every\": age} or {\"mean\": age}");
    out.kind = r.has("every") ? ReplacementSpec::Kind::every : ReplacementSpec::Kind::mean;
    const JsonReader age = r.at(r.has("every") ? "every" : "mean");
    out.age = age.duration();
    if (out.age.ms() == 0) age.fail("must be greater than 0");
    return out;
  }

  // ---- reservations and events ----

  void parse_reservation(const JsonReader& r) {
    r.expect_object({"pool", "count", "from", "to", "label"});
    ReservationSpec res;
    res.pool = pool_ref(r.at("pool"));
    res.count = static_cast<std::uint32_t>(r.at("count").integer(0, 1 << 24));
    res.from = r.duration_or("from", SimTime());
    res.to = r.duration_or("to", out_.scenario.horizon);
    res.label = r.string_if("label").value_or("");
    if (res.to <= res.from) r.at("to").fail("\"to\" must come after \"from\"");
    if (res.to > out_.scenario.horizon) r.at("to").fail("must not be after the horizon");
    if (res.from >= out_.scenario.horizon) r.at("from").fail("must be before the horizon");
    out_.scenario.reservations.push_back(res);
  }

  void parse_event(const JsonReader& e) {
    if (!e.json().is_object()) e.expect_object({});
    const std::string type = e.at("type").choice(
        {"surge", "az_outage", "maintenance", "add_cidr", "capacity_reservation", "attach_pool"});
    EventSpec ev;
    if (type == "surge") {
      e.expect_object({"at", "type", "lb", "multiplier", "duration"});
      SurgeEvent surge;
      surge.multiplier = e.at("multiplier").positive();
      ev.kind = surge;
    } else if (type == "az_outage") {
      e.expect_object({"at", "type", "lb", "az", "duration"});
      AzOutageEvent outage;
      outage.az = e.at("az").identifier();
      ev.kind = outage;
    } else if (type == "maintenance") {
      e.expect_object({"at", "type", "lb", "fraction"});
      const double fraction = e.non_negative_or("fraction", 1);
      if (fraction > 1) e.at("fraction").fail("must be between 0 and 1");
      MaintenanceEvent maintenance;
      maintenance.fraction = fraction;
      ev.kind = maintenance;
    } else if (type == "add_cidr") {
      e.expect_object({"at", "type", "pool", "cidr"});
      const std::size_t pool = pool_ref(e.at("pool"));
      ev.kind = AddCidrEvent{pool, e.at("cidr").cidr()};
    } else if (type == "capacity_reservation") {
      e.expect_object({"at", "type", "lb", "lcu"});
      CapacityReservationEvent reservation;
      reservation.lcu = Lcu(e.at("lcu").non_negative());
      ev.kind = reservation;
    } else {
      e.expect_object({"at", "type", "lb", "pool"});
      AttachPoolEvent attach;
      if (!e.at("pool").json().is_null()) attach.pool = pool_ref(e.at("pool"));
      ev.kind = attach;
    }
    ev.at = e.at("at").duration();
    if (ev.at >= out_.scenario.horizon)
      e.at("at").fail("is not before the horizon (" + format_duration(out_.scenario.horizon) + ")");
    const std::optional<std::size_t> lb = lb_ref_if(e);
    std::optional<SimTime> duration;
    if (e.has("duration")) {
      duration = e.at("duration").duration();
      if (duration->ms() == 0) e.at("duration").fail("must be greater than 0");
    }
    std::visit(
        [&](auto& kind) {
          if constexpr (requires { kind.lb; }) kind.lb = lb;
          if constexpr (requires { kind.duration; }) kind.duration = duration;
        },
        ev.kind);
    out_.scenario.events.push_back(ev);
  }

  void parse_random_event(const JsonReader& e) {
    if (!e.json().is_object()) e.expect_object({});
    const std::string type = e.at("type").choice({"surge", "az_outage"});
    RandomEventSpec ev;
    double per_day = 0;
    if (type == "surge") {
      e.expect_object({"type", "lb", "rate_per_day", "multiplier", "duration"});
      ev.type = RandomEventSpec::Kind::surge;
      per_day = e.at("rate_per_day").positive();
      ev.multiplier = e.at("multiplier").positive();
    } else {
      e.expect_object({"type", "lb", "az", "rate_per_year", "duration"});
      ev.type = RandomEventSpec::Kind::az_outage;
      per_day = e.at("rate_per_year").positive() / 365.0;
      if (e.has("az")) ev.az = e.at("az").identifier();
    }
    ev.mean_interarrival_ms = 86'400'000.0 / per_day;
    ev.lb = lb_ref_if(e);
    ev.duration = distribution(e.at("duration"), false);
    if (ev.duration.typical_max().ms() == 0) e.at("duration").fail("must be greater than 0");
    out_.scenario.random_events.push_back(ev);
  }

  JsonReader root_;
  ParsedScenario out_;
  std::map<std::string, std::size_t> pool_ids_;
  std::map<std::string, std::size_t> lb_ids_;
  FileCache& files_;
};

}  // namespace

ParsedScenario parse_scenario(const nlohmann::json& document, const std::string& file,
                              FileCache& files) {
  return Parser(document, file, files).run();
}

}  // namespace albsim
