#include "reference/reference_stepper.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "reference/plain_addresses.hpp"
#include "reference/plain_demand.hpp"
#include "reference/plain_meter.hpp"
#include "report/assemble_report.hpp"

namespace albsim::reference {
namespace {

enum class State { launching, in_service, draining, terminated, released };

struct PlainNode {
  std::uint32_t id = 0;  // its index in Stepper::nodes_
  std::size_t lb = 0, az = 0;
  State state = State::launching;
  bool retiring = false;  // a replacement is launching for it
  bool managed = false;
  std::uint32_t address = 0;
  std::size_t pool = 0;  // the pool it drew from (when not managed)
  std::optional<std::uint32_t> replaces;
};

struct LowTimer {
  bool running = false;
  std::int64_t since = 0;
  int max_required = 0;
};

struct PlainLb {
  std::optional<std::size_t> pool;
  double reserved_lcu = 0;
  std::vector<int> impaired;     // per AZ: outages in force
  std::vector<LowTimer> timers;  // per AZ
  std::vector<double> surges;    // multipliers in force, in the order they started
  double held_demand = 0;        // d at its last grid point
};

// MODEL.md §2: the classes of events at one instant, in processing order.
enum Class { kRelease = 1, kTermination, kInService, kScenario, kEvaluation, kReplacement };

enum class What {
  node_release,
  reservation_end,
  termination,
  in_service,
  event_start,
  event_end,
  reservation_start,
  evaluation,
  replacement_due
};
struct Pending {
  What what;
  std::size_t index;  // the node id, event or reservation
};

// ceil(x), a value within 1e-9 of an integer counting as that integer (MODEL.md §4).
double ceil_within_tolerance(double x) {
  const double down = std::floor(x);
  return x - down <= 1e-9 ? down : std::ceil(x);
}

void require_deterministic(const Scenario& s) {
  auto refuse = [](const char* what) {
    throw std::invalid_argument(std::string("reference stepper: not deterministic: ") + what);
  };
  if (!s.random_events.empty()) refuse("random_events");
  if (s.managed_ranges) refuse("managed_ranges");
  for (const PoolSpec& pool : s.pools)
    if (pool.random_allocation) refuse("random allocation");
  for (const LoadBalancerSpec& lb : s.load_balancers) {
    if (lb.launch_delay.kind != DurationDistribution::Kind::fixed) refuse("launch_delay");
    if (lb.replacement.kind == ReplacementSpec::Kind::mean) refuse("replacement mean");
    if (lb.demand.noise_sigma != 0) refuse("noise");
    if (lb.demand.kind == DemandSpec::Kind::trace &&
        (lb.demand.trace.random_align || lb.demand.trace.bootstrap))
      refuse("random trace draw");
  }
}

class Stepper {
 public:
  Stepper(const Scenario& scenario, SimTime timeseries_step)
      : s_(scenario),
        addresses_(scenario),
        meter_(scenario, timeseries_step),
        lbs_(scenario.load_balancers.size()),
        reserved_(scenario.reservations.size()) {
    for (std::size_t i = 0; i < lbs_.size(); ++i) {
      const LoadBalancerSpec& spec = s_.load_balancers[i];
      lbs_[i].pool = spec.pool;
      lbs_[i].reserved_lcu = spec.capacity_reservation_lcu.value();
      lbs_[i].impaired.assign(spec.azs.size(), 0);
      lbs_[i].timers.assign(spec.azs.size(), LowTimer{});
    }
  }

  ReferenceRun run() {
    for (std::size_t i = 0; i < s_.events.size(); ++i) {
      const EventSpec& e = s_.events[i];
      schedule(e.at.ms(), kScenario, {What::event_start, i});
      if (const auto duration = e.duration())
        schedule((e.at + *duration).ms(), kScenario, {What::event_end, i});
    }
    for (std::size_t i = 0; i < s_.reservations.size(); ++i) {
      schedule(s_.reservations[i].from.ms(), kScenario, {What::reservation_start, i});
      schedule(s_.reservations[i].to.ms(), kRelease, {What::reservation_end, i});
    }
    // t = 0: scenario events first, then the initial fleet, then the rest of the instant.
    while (!queue_.empty() && std::get<0>(queue_.begin()->first) == 0 &&
           std::get<1>(queue_.begin()->first) <= kScenario)
      apply_next();
    start();
    schedule_evaluation_after(0);
    run_instant();
    while (!queue_.empty()) {
      now_ = std::get<0>(queue_.begin()->first);
      run_instant();
    }
    const Report measured = meter_.finish(s_.horizon);
    return {assemble_report(s_, measured), meter_.rows()};
  }

 private:
  using Key = std::tuple<std::int64_t, int, std::uint64_t>;  // time, class, order

  void schedule(std::int64_t at, int event_class, Pending event) {
    schedule_ordered(at, event_class, next_sequence_++, event);
  }
  void schedule_ordered(std::int64_t at, int event_class, std::uint64_t order, Pending event) {
    if (at < s_.horizon.ms()) queue_.emplace(Key{at, event_class, order}, event);
  }
  void apply_next() {
    const Pending event = queue_.begin()->second;
    queue_.erase(queue_.begin());
    apply(event);
  }
  void run_instant() {
    while (!queue_.empty() && std::get<0>(queue_.begin()->first) == now_) apply_next();
    meter_.settled(SimTime::from_ms(now_), settled_state());
  }

  void apply(const Pending& e) {
    switch (e.what) {
      case What::node_release:
        release(e.index);
        break;
      case What::reservation_end:
        end_reservation(e.index);
        break;
      case What::termination:
        terminate(e.index);
        break;
      case What::in_service:
        enter_service(e.index);
        break;
      case What::event_start:
        start_event(s_.events[e.index]);
        break;
      case What::event_end:
        end_event(s_.events[e.index]);
        break;
      case What::reservation_start:
        start_reservation(e.index);
        break;
      case What::evaluation:
        evaluate_grid_point();
        break;
      case What::replacement_due:
        if (nodes_[e.index].state == State::in_service && !nodes_[e.index].retiring)
          replace(e.index);
        break;
    }
  }

  // --- demand and requirement (MODEL.md §4-§5)
  double demand_at(std::size_t lb, std::int64_t t) const {
    double surge = 1.0;
    for (const double multiplier : lbs_[lb].surges) surge *= multiplier;
    return base_demand(s_.load_balancers[lb].demand, s_.start_epoch_ms.value_or(kMondayEpochMs),
                       SimTime::from_ms(t)) *
           surge;
  }
  int healthy_azs(std::size_t lb) const {
    return static_cast<int>(std::count(lbs_[lb].impaired.begin(), lbs_[lb].impaired.end(), 0));
  }
  int requirement(std::size_t lb, double demand) const {
    const LoadBalancerSpec& spec = s_.load_balancers[lb];
    const double share = demand / healthy_azs(lb);
    const double floor_share = lbs_[lb].reserved_lcu / static_cast<double>(spec.azs.size());
    const double nodes =
        ceil_within_tolerance(std::max(share, floor_share) / spec.node_capacity_lcu.value());
    return static_cast<int>(std::clamp(nodes, static_cast<double>(spec.min_nodes_per_az),
                                       static_cast<double>(spec.max_nodes_per_az)));
  }
  // c_az: launching, or in service and not retiring.
  int count(std::size_t lb, std::size_t az) const {
    int c = 0;
    for (const PlainNode& n : nodes_)
      if (n.lb == lb && n.az == az &&
          (n.state == State::launching || (n.state == State::in_service && !n.retiring)))
        ++c;
    return c;
  }

  // --- the initial fleet and the scaling grid
  void start() {
    for (std::size_t lb = 0; lb < lbs_.size(); ++lb) {
      const LoadBalancerSpec& spec = s_.load_balancers[lb];
      lbs_[lb].held_demand = demand_at(lb, 0);
      for (std::size_t az = 0; az < spec.azs.size(); ++az) {
        const int n = lbs_[lb].impaired[az] > 0 ? spec.min_nodes_per_az
                                                : requirement(lb, lbs_[lb].held_demand);
        for (int i = 0; i < n; ++i) launch(lb, az, State::in_service);
      }
    }
  }
  // One class-5 event at each instant that is a grid point of any load balancer.
  void schedule_evaluation_after(std::int64_t t) {
    std::int64_t next = INT64_MAX;
    for (const LoadBalancerSpec& spec : s_.load_balancers) {
      const std::int64_t step = spec.evaluation_interval.ms();
      next = std::min(next, (t / step + 1) * step);
    }
    schedule(next, kEvaluation, {What::evaluation, 0});
  }
  void evaluate_grid_point() {
    for (std::size_t lb = 0; lb < lbs_.size(); ++lb)
      if (now_ % s_.load_balancers[lb].evaluation_interval.ms() == 0) evaluate(lb);
    schedule_evaluation_after(now_);
  }
  void evaluate(std::size_t lb) {
    const LoadBalancerSpec& spec = s_.load_balancers[lb];
    PlainLb& state = lbs_[lb];
    state.held_demand = demand_at(lb, now_);
    if (healthy_azs(lb) == 0) return;
    const int r = requirement(lb, state.held_demand);
    for (std::size_t az = 0; az < spec.azs.size(); ++az) {
      if (state.impaired[az] > 0) continue;
      const int c = count(lb, az);
      LowTimer& timer = state.timers[az];
      if (r > c) {
        for (int i = 0; i < r - c; ++i) launch(lb, az, State::launching);
        timer.running = false;
      } else if (r == c) {
        timer.running = false;
      } else {
        if (!timer.running)
          timer = {true, now_, r};
        else
          timer.max_required = std::max(timer.max_required, r);
        if (now_ - timer.since >= spec.scale_in_cooldown.ms()) {
          for (const std::uint32_t victim : victims(lb, az, c - timer.max_required))
            start_draining(victim);
          timer.running = false;
        }
      }
    }
  }
  std::vector<std::uint32_t> victims(std::size_t lb, std::size_t az, int wanted) const {
    std::vector<std::uint32_t> ids;
    for (const PlainNode& n : nodes_)
      if (n.lb == lb && n.az == az && n.state == State::in_service && !n.retiring)
        ids.push_back(n.id);
    const VictimPolicy policy = s_.load_balancers[lb].scale_in_victims;
    std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (policy == VictimPolicy::oldest) return a < b;
      if (policy == VictimPolicy::prefer_managed && nodes_[a].managed != nodes_[b].managed)
        return nodes_[a].managed;
      return a > b;
    });
    ids.resize(std::min(ids.size(), static_cast<std::size_t>(wanted)));
    return ids;
  }

  // --- node lifecycle (MODEL.md §3-§4)
  std::uint32_t launch(std::size_t lb, std::size_t az, State state) {
    const LoadBalancerSpec& spec = s_.load_balancers[lb];
    PlainNode node;
    node.id = static_cast<std::uint32_t>(nodes_.size());
    node.lb = lb;
    node.az = az;
    node.state = state;
    std::optional<std::uint32_t> address;
    if (lbs_[lb].pool) address = addresses_.take_lowest(*lbs_[lb].pool);
    node.managed = !address;
    if (address) {
      node.address = *address;
      node.pool = *lbs_[lb].pool;
    } else {
      node.address = addresses_.take_managed();
      meter_.managed_acquired(lb);
    }
    nodes_.push_back(node);
    std::int64_t in_service_after = 0;
    if (state == State::launching) {
      in_service_after = spec.launch_delay.fixed.ms();
      schedule(now_ + in_service_after, kInService, {What::in_service, node.id});
    }
    if (spec.replacement.kind == ReplacementSpec::Kind::every)  // replaced as it enters service
      schedule_ordered(now_ + std::max(spec.replacement.age.ms(), in_service_after), kReplacement,
                       node.id, {What::replacement_due, node.id});
    return node.id;
  }
  void enter_service(std::size_t id) {
    nodes_[id].state = State::in_service;
    const std::optional<std::uint32_t> replaced = nodes_[id].replaces;
    if (replaced && nodes_[*replaced].state == State::in_service) start_draining(*replaced);
  }
  void start_draining(std::size_t id) {
    nodes_[id].state = State::draining;
    schedule(now_ + s_.load_balancers[nodes_[id].lb].drain_time.ms(), kTermination,
             {What::termination, id});
  }
  void terminate(std::size_t id) {
    PlainNode& node = nodes_[id];
    node.state = State::terminated;
    const std::int64_t delay = node.managed ? 0 : s_.pools[node.pool].release_delay.ms();
    schedule(now_ + delay, kRelease, {What::node_release, id});
  }
  void release(std::size_t id) {
    nodes_[id].state = State::released;
    if (!nodes_[id].managed) reclaim(addresses_.give_back(nodes_[id].address), 1);
  }
  void replace(std::size_t id) {
    const std::size_t fresh = launch(nodes_[id].lb, nodes_[id].az, State::launching);
    nodes_[fresh].replaces = static_cast<std::uint32_t>(id);
    nodes_[id].retiring = true;
  }
  void maintenance(std::size_t lb, double fraction) {
    std::vector<std::uint32_t> eligible;
    for (const PlainNode& n : nodes_)
      if (n.lb == lb && n.state == State::in_service && !n.retiring) eligible.push_back(n.id);
    const auto wanted = static_cast<std::size_t>(
        ceil_within_tolerance(fraction * static_cast<double>(eligible.size())));
    for (std::size_t i = 0; i < wanted && i < eligible.size(); ++i) replace(eligible[i]);
  }
  // For each address freed in `pool`: the lowest-id in-service, non-retiring managed node of
  // the first load balancer (scenario order) with reclaim "replace" attached to it is replaced.
  void reclaim(std::size_t pool, std::uint64_t freed) {
    for (std::uint64_t k = 0; k < freed && addresses_.free_count(pool) > 0; ++k) {
      std::optional<std::uint32_t> victim;
      for (std::size_t lb = 0; lb < lbs_.size() && !victim; ++lb) {
        if (s_.load_balancers[lb].reclaim != ReclaimPolicy::replace || lbs_[lb].pool != pool)
          continue;
        for (const PlainNode& n : nodes_)
          if (n.lb == lb && n.state == State::in_service && !n.retiring && n.managed) {
            victim = n.id;
            break;
          }
      }
      if (!victim) return;
      replace(*victim);
    }
  }

  // --- scenario events and reservations
  template <class Fn>
  void for_targets(const EventSpec& e, Fn fn) {
    for (std::size_t lb = 0; lb < lbs_.size(); ++lb)
      if (!e.lb() || *e.lb() == lb) fn(lb);
  }
  std::optional<std::size_t> az_index(std::size_t lb, const std::string& name) const {
    const auto& azs = s_.load_balancers[lb].azs;
    const auto it = std::find(azs.begin(), azs.end(), name);
    if (it == azs.end()) return std::nullopt;
    return static_cast<std::size_t>(it - azs.begin());
  }
  void start_event(const EventSpec& e) {
    if (const auto* surge = e.as<SurgeEvent>())
      for_targets(e, [&](std::size_t lb) { lbs_[lb].surges.push_back(surge->multiplier); });
    if (const auto* outage = e.as<AzOutageEvent>())
      for_targets(e, [&](std::size_t lb) {
        if (const auto az = az_index(lb, outage->az))
          if (lbs_[lb].impaired[*az]++ == 0) lbs_[lb].timers[*az].running = false;
      });
    if (const auto* maintenance_event = e.as<MaintenanceEvent>())
      for_targets(e, [&](std::size_t lb) { maintenance(lb, maintenance_event->fraction); });
    if (const auto* add = e.as<AddCidrEvent>()) {
      const std::uint64_t free_before = addresses_.free_count(add->pool);
      addresses_.provision(add->pool, add->cidr);
      const std::uint64_t free_after = addresses_.free_count(add->pool);
      if (free_after > free_before) reclaim(add->pool, free_after - free_before);
    }
    if (const auto* reservation = e.as<CapacityReservationEvent>())
      for_targets(e, [&](std::size_t lb) { lbs_[lb].reserved_lcu = reservation->lcu.value(); });
    if (const auto* attach = e.as<AttachPoolEvent>())
      for_targets(e, [&](std::size_t lb) { lbs_[lb].pool = attach->pool; });
  }
  void end_event(const EventSpec& e) {
    if (const auto* surge = e.as<SurgeEvent>())
      for_targets(e, [&](std::size_t lb) {
        auto& surges = lbs_[lb].surges;
        surges.erase(std::find(surges.begin(), surges.end(), surge->multiplier));
      });
    if (const auto* outage = e.as<AzOutageEvent>())
      for_targets(e, [&](std::size_t lb) {
        if (const auto az = az_index(lb, outage->az)) --lbs_[lb].impaired[*az];
      });
  }
  void start_reservation(std::size_t i) {
    const ReservationSpec& r = s_.reservations[i];
    while (reserved_[i].size() < r.count) {
      const auto address = addresses_.take_lowest(r.pool);
      if (!address) break;
      reserved_[i].push_back(*address);
    }
  }
  void end_reservation(std::size_t i) {
    for (const std::uint32_t address : reserved_[i]) reclaim(addresses_.give_back(address), 1);
    reserved_[i].clear();
  }

  // --- what the metrics read
  bool allowlisted(std::size_t lb, std::uint32_t address) const {
    for (const Cidr& cidr : s_.load_balancers[lb].allowlist)
      if (cidr.contains(Ipv4{address})) return true;
    return false;
  }
  SettledState settled_state() const {
    SettledState state;
    for (std::size_t lb = 0; lb < lbs_.size(); ++lb) {
      SettledState::LoadBalancer& out = state.lbs.emplace_back();
      out.demand = lbs_[lb].held_demand;
      out.az_nodes.assign(s_.load_balancers[lb].azs.size(), 0);
    }
    for (const PlainNode& n : nodes_) {
      if (n.state == State::released) continue;
      SettledState::LoadBalancer& out = state.lbs[n.lb];
      ++(n.managed ? out.managed_held : out.pool_held);
      if (n.state != State::terminated) ++out.az_nodes[n.az];
      // In DNS: in service, unless its AZ is impaired.
      if (n.state == State::in_service && lbs_[n.lb].impaired[n.az] == 0) {
        out.exposed.insert(n.address);
        // Outside: no CIDR of its allowlist holds it (one without an allowlist has none outside).
        if (s_.load_balancers[n.lb].has_allowlist && !allowlisted(n.lb, n.address))
          out.outside.insert(n.address);
      }
    }
    for (std::size_t p = 0; p < s_.pools.size(); ++p) {
      state.pool_capacity.push_back(addresses_.capacity(p));
      state.pool_in_use.push_back(addresses_.in_use(p));
    }
    state.pool_reserved.assign(s_.pools.size(), 0);
    for (std::size_t i = 0; i < reserved_.size(); ++i)
      state.pool_reserved[s_.reservations[i].pool] += reserved_[i].size();
    return state;
  }

  const Scenario& s_;
  PlainAddresses addresses_;
  PlainMeter meter_;
  std::vector<PlainLb> lbs_;
  std::vector<std::vector<std::uint32_t>> reserved_;  // per reservation, addresses held
  std::vector<PlainNode> nodes_;                      // every node ever, by id
  std::map<Key, Pending> queue_;
  std::uint64_t next_sequence_ = 0;
  std::int64_t now_ = 0;
};

}  // namespace

ReferenceRun run_reference(const Scenario& scenario, SimTime timeseries_step) {
  require_deterministic(scenario);
  return Stepper(scenario, timeseries_step).run();
}

}  // namespace albsim::reference
