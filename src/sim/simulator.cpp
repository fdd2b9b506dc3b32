#include "sim/simulator.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/calendar.hpp"
#include "ipam/pool_forest.hpp"
#include "report/cost.hpp"

namespace albsim {
namespace {

std::vector<std::optional<std::size_t>> parents_of(const Scenario& scenario) {
  std::vector<std::optional<std::size_t>> parents;
  for (const PoolSpec& pool : scenario.pools) parents.push_back(pool.parent);
  return parents;
}

SimTime draw_duration(const DurationDistribution& d, RandomStream& draws) {
  switch (d.kind) {
    case DurationDistribution::Kind::fixed:
      return d.fixed;
    case DurationDistribution::Kind::uniform:
      return SimTime::from_ms(std::llround(
          draws.uniform(static_cast<double>(d.low.ms()), static_cast<double>(d.high.ms()))));
    case DurationDistribution::Kind::exponential:
      return SimTime::from_ms(std::llround(draws.exponential(static_cast<double>(d.mean.ms()))));
  }
  return d.fixed;
}

// The prefixes (ascending, disjoint as AWS publishes them) that hold any of `cidrs`.
std::vector<Cidr> prefixes_holding(const std::vector<Cidr>& prefixes,
                                   const std::vector<Cidr>& cidrs) {
  std::vector<Cidr> out;
  for (const Cidr& c : cidrs) {
    auto it = std::upper_bound(prefixes.begin(), prefixes.end(), c);
    while (it != prefixes.begin()) {
      --it;
      if (it->contains(c)) {
        if (std::find(out.begin(), out.end(), *it) == out.end()) out.push_back(*it);
        break;
      }
      if (it->last() < c.first()) break;
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Simulator::Simulator(const Scenario& scenario, const SimulationOptions& options)
    : scenario_(scenario),
      options_(options),
      space_(scenario.pools.size()),
      reservation_addresses_(scenario.reservations.size()),
      meter_(scenario) {
  const std::int64_t epoch = scenario.start_epoch_ms.value_or(kDefaultStartEpochMs);
  for (const LoadBalancerSpec& spec : scenario.load_balancers)
    lbs_.emplace_back(spec, epoch, scenario.seed, options.replication);
  for (const PoolSpec& pool : scenario.pools) {
    auto& draws = allocation_draws_.emplace_back();
    if (pool.random_allocation)
      draws.emplace(scenario.seed, options.replication, "pools/" + pool.id + "/allocation");
  }
  for (std::size_t i = 0; i < scenario.random_events.size(); ++i)
    random_processes_.push_back(random_process(i));
  if (scenario.managed_ranges)
    managed_addresses_ =
        ManagedAddresses(scenario.managed_ranges->prefixes,
                         RandomStream(scenario.seed, options.replication, "managed_addresses"));
  for (const std::size_t pool : analyse_pool_forest(parents_of(scenario)).top_down)
    for (const Cidr& cidr : scenario.pools[pool].cidrs) space_.provision(pool, cidr);
  for (std::size_t pool = 0; pool < scenario.pools.size(); ++pool) pool_changed(pool);
}

// MODEL.md §2: releases, terminations, entering service, scenario events, evaluations,
// replacements.
std::uint8_t Simulator::event_class(EventKind kind) {
  switch (kind) {
    case EventKind::release_address:
    case EventKind::reservation_end:
      return 1;
    case EventKind::node_terminate:
      return 2;
    case EventKind::node_in_service:
      return 3;
    case EventKind::scenario_start:
    case EventKind::scenario_end:
    case EventKind::reservation_start:
    case EventKind::random_arrival:
    case EventKind::random_end:
      return 4;
    case EventKind::evaluation:
      return 5;
    case EventKind::replacement_due:
      return 6;
  }
  return 0;
}

void Simulator::schedule(SimTime at, EventKind kind, std::uint32_t a, std::uint32_t b) {
  if (at >= scenario_.horizon) return;  // the run is [0, horizon)
  queue_.push(at, event_class(kind), Event{kind, a, b});
}

Report Simulator::run() {
  for (std::size_t i = 0; i < scenario_.events.size(); ++i) {
    const EventSpec& e = scenario_.events[i];
    schedule(e.at, EventKind::scenario_start, static_cast<std::uint32_t>(i));
    if (e.duration)
      schedule(e.at + *e.duration, EventKind::scenario_end, static_cast<std::uint32_t>(i));
  }
  for (std::size_t i = 0; i < random_processes_.size(); ++i) schedule_next_arrival(i);
  for (std::size_t i = 0; i < scenario_.reservations.size(); ++i) {
    const ReservationSpec& r = scenario_.reservations[i];
    schedule(r.from, EventKind::reservation_start, static_cast<std::uint32_t>(i));
    schedule(r.to, EventKind::reservation_end, static_cast<std::uint32_t>(i));
  }
  if (!lbs_.empty()) {
    SimTime first_grid = scenario_.horizon;
    for (const LbRuntime& lb : lbs_) first_grid = std::min(first_grid, lb.next_evaluation);
    schedule(first_grid, EventKind::evaluation);
  }

  // t = 0: scenario events first, then every load balancer starts, then the rest of the instant.
  while (!queue_.empty() && queue_.top().time.ms() == 0 && queue_.top().event_class() <= 4)
    process(queue_.pop().payload);
  start_fleet();
  while (!queue_.empty() && queue_.top().time.ms() == 0) process(queue_.pop().payload);
  meter_.settle(now_);
  if (options_.check_invariants) check_invariants();

  while (!queue_.empty()) {
    const SimTime t = queue_.top().time;
    sample_until(t);
    now_ = t;
    while (!queue_.empty() && queue_.top().time == t) process(queue_.pop().payload);
    meter_.settle(now_);
    if (options_.check_invariants) check_invariants();
  }
  sample_until(scenario_.horizon);
  meter_.finish(scenario_.horizon);

  Report report;
  meter_.fill(report);
  for (std::size_t i = 0; i < scenario_.load_balancers.size(); ++i)
    report.load_balancers[i].id = scenario_.load_balancers[i].id;
  for (std::size_t i = 0; i < scenario_.pools.size(); ++i) {
    report.pools[i].id = scenario_.pools[i].id;
    report.pools[i].source = scenario_.pools[i].source;
  }
  if (scenario_.managed_ranges)
    for (LoadBalancerReport& lb : report.load_balancers)
      lb.outside_aws_prefixes =
          prefixes_holding(scenario_.managed_ranges->prefixes, lb.outside_cidrs);
  price_report(scenario_, report);
  return report;
}

void Simulator::process(const Event& event) {
  switch (event.kind) {
    case EventKind::release_address:
      if (nodes_.holds(event.a, event.b)) release_address(event.a);
      break;
    case EventKind::reservation_end:
      end_reservation(event.a);
      break;
    case EventKind::node_terminate:
      if (nodes_.holds(event.a, event.b)) terminate(event.a);
      break;
    case EventKind::node_in_service:
      if (nodes_.holds(event.a, event.b)) enter_service(event.a);
      break;
    case EventKind::scenario_start:
      apply_event_start(scenario_.events[event.a]);
      break;
    case EventKind::scenario_end:
      apply_event_end(scenario_.events[event.a]);
      break;
    case EventKind::random_arrival:
      random_arrival(event.a);
      break;
    case EventKind::random_end: {
      const EventSpec occurrence = occurrences_[event.a];
      free_occurrences_.push_back(event.a);
      apply_event_end(occurrence);
      break;
    }
    case EventKind::reservation_start:
      start_reservation(event.a);
      break;
    case EventKind::evaluation:
      evaluate_grid();
      break;
    case EventKind::replacement_due:
      if (nodes_.holds(event.a, event.b) && nodes_[event.a].state == NodeState::in_service &&
          !nodes_[event.a].retiring)
        replace_node(event.a);
      break;
  }
}

// ---- initial state -------------------------------------------------------------------------

void Simulator::start_fleet() {
  for (std::size_t lb = 0; lb < lbs_.size(); ++lb) {
    const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
    const double demand = sample_demand(lb);
    meter_.demand_changed(now_, lb, demand);
    const int healthy = lbs_[lb].healthy_azs();
    for (std::size_t az = 0; az < spec.azs.size(); ++az) {
      const int required = lbs_[lb].azs[az].impaired > 0
                               ? spec.min_nodes_per_az
                               : required_nodes({demand, healthy, static_cast<int>(spec.azs.size()),
                                                 lbs_[lb].reserved_lcu, spec.node_capacity_lcu,
                                                 spec.min_nodes_per_az, spec.max_nodes_per_az});
      for (int i = 0; i < required; ++i) launch_node(lb, az, NodeState::in_service);
    }
  }
}

// ---- scenario events -----------------------------------------------------------------------

namespace {

template <class Fn>
void for_targets(const EventSpec& e, std::size_t lb_count, Fn&& fn) {
  if (e.lb) {
    fn(*e.lb);
    return;
  }
  for (std::size_t lb = 0; lb < lb_count; ++lb) fn(lb);
}

std::optional<std::size_t> az_index(const LoadBalancerSpec& spec, const std::string& az) {
  auto it = std::find(spec.azs.begin(), spec.azs.end(), az);
  if (it == spec.azs.end()) return std::nullopt;
  return static_cast<std::size_t>(it - spec.azs.begin());
}

}  // namespace

void Simulator::apply_event_start(const EventSpec& e) {
  const std::size_t lb_count = lbs_.size();
  switch (e.type) {
    case EventType::surge:
      for_targets(e, lb_count,
                  [&](std::size_t lb) { lbs_[lb].surge_multipliers.push_back(e.multiplier); });
      break;
    case EventType::az_outage:
      for_targets(e, lb_count, [&](std::size_t lb) {
        if (auto az = az_index(scenario_.load_balancers[lb], e.az)) set_az_impaired(lb, *az, true);
      });
      break;
    case EventType::maintenance:
      for_targets(e, lb_count, [&](std::size_t lb) { maintenance(lb, e.fraction); });
      break;
    case EventType::add_cidr:
      add_cidr(*e.pool, e.cidr);
      break;
    case EventType::capacity_reservation:
      for_targets(e, lb_count, [&](std::size_t lb) { lbs_[lb].reserved_lcu = e.lcu; });
      break;
    case EventType::attach_pool:
      for_targets(e, lb_count, [&](std::size_t lb) { lbs_[lb].pool = e.pool; });
      break;
  }
}

void Simulator::apply_event_end(const EventSpec& e) {
  if (e.type == EventType::surge) {
    for_targets(e, lbs_.size(), [&](std::size_t lb) {
      auto& active = lbs_[lb].surge_multipliers;
      active.erase(std::find(active.begin(), active.end(), e.multiplier));
    });
  } else if (e.type == EventType::az_outage) {
    for_targets(e, lbs_.size(), [&](std::size_t lb) {
      if (auto az = az_index(scenario_.load_balancers[lb], e.az)) set_az_impaired(lb, *az, false);
    });
  }
}

Simulator::RandomProcess Simulator::random_process(std::size_t index) const {
  const RandomEventSpec& e = scenario_.random_events[index];
  RandomProcess process{
      RandomStream(scenario_.seed, options_.replication, "random_events/" + std::to_string(index)),
      {}};
  for (std::size_t lb = 0; lb < scenario_.load_balancers.size(); ++lb) {
    if (e.lb && *e.lb != lb) continue;
    for (const std::string& az : scenario_.load_balancers[lb].azs)
      if (std::find(process.azs.begin(), process.azs.end(), az) == process.azs.end())
        process.azs.push_back(az);
  }
  return process;
}

void Simulator::schedule_next_arrival(std::size_t process) {
  const double gap_ms = random_processes_[process].draws.exponential(
      scenario_.random_events[process].mean_interarrival_ms);
  if (gap_ms >= static_cast<double>((scenario_.horizon - now_).ms())) return;
  schedule(now_ + SimTime::from_ms(std::llround(gap_ms)), EventKind::random_arrival,
           static_cast<std::uint32_t>(process));
}

void Simulator::random_arrival(std::size_t process) {
  const RandomEventSpec& spec = scenario_.random_events[process];
  RandomProcess& p = random_processes_[process];
  EventSpec occurrence;
  occurrence.at = now_;
  occurrence.type = spec.type;
  occurrence.lb = spec.lb;
  occurrence.multiplier = spec.multiplier;
  occurrence.az = spec.az.empty() ? p.azs[p.draws.below(p.azs.size())] : spec.az;
  occurrence.duration = draw_duration(spec.duration, p.draws);
  std::uint32_t slot = 0;
  if (free_occurrences_.empty()) {
    slot = static_cast<std::uint32_t>(occurrences_.size());
    occurrences_.push_back(occurrence);
  } else {
    slot = free_occurrences_.back();
    free_occurrences_.pop_back();
    occurrences_[slot] = occurrence;
  }
  apply_event_start(occurrence);
  schedule(now_ + *occurrence.duration, EventKind::random_end, slot);
  schedule_next_arrival(process);
}

void Simulator::set_az_impaired(std::size_t lb, std::size_t az_position, bool impaired) {
  AzRuntime& az = lbs_[lb].azs[az_position];
  lbs_[lb].touched = true;
  if (impaired) {
    if (az.impaired++ > 0) return;
    ++lbs_[lb].impaired_azs;
    az.low_timer.running = false;
    for (const std::uint32_t slot : az.nodes) set_exposed(nodes_[slot], false);
  } else {
    if (--az.impaired > 0) return;
    --lbs_[lb].impaired_azs;
    for (const std::uint32_t slot : az.nodes)
      if (nodes_[slot].state == NodeState::in_service) set_exposed(nodes_[slot], true);
  }
}

void Simulator::start_reservation(std::size_t index) {
  const ReservationSpec& r = scenario_.reservations[index];
  auto& held = reservation_addresses_[index];
  while (held.size() < r.count) {
    const auto address = allocate(r.pool);
    if (!address) break;
    held.push_back(*address);
  }
  pool_changed(r.pool);
}

void Simulator::end_reservation(std::size_t index) {
  for (const std::uint32_t address : reservation_addresses_[index]) {
    const std::size_t pool = space_.release(address);
    pool_changed(pool);
    reclaim(pool, 1);
  }
  reservation_addresses_[index].clear();
}

void Simulator::add_cidr(std::size_t pool, const Cidr& cidr) {
  const std::uint64_t free_before = space_.pool(pool).free_count();
  if (const auto previous_owner = space_.provision(pool, cidr)) pool_changed(*previous_owner);
  pool_changed(pool);
  reclaim(pool, space_.pool(pool).free_count() - free_before);
}

// ---- load balancers ------------------------------------------------------------------------

double Simulator::sample_demand(std::size_t lb) {
  LbRuntime& runtime = lbs_[lb];
  double demand = runtime.profile.at(now_) * runtime.surge_factor();
  const double sigma = scenario_.load_balancers[lb].demand.noise_sigma;
  if (sigma > 0)
    demand *= std::exp(sigma * runtime.noise_draws.standard_normal() - sigma * sigma / 2);
  return demand;
}

std::optional<std::uint32_t> Simulator::allocate(std::size_t pool) {
  if (auto& draws = allocation_draws_[pool])
    return space_.allocate_random(pool, [&](std::uint64_t n) { return draws->below(n); });
  return space_.allocate(pool);
}

void Simulator::evaluate_grid() {
  SimTime next = scenario_.horizon;
  for (std::size_t lb = 0; lb < lbs_.size(); ++lb) {
    SimTime& due = lbs_[lb].next_evaluation;
    if (due == now_) {
      evaluate_lb(lb);
      due += scenario_.load_balancers[lb].evaluation_interval;
    }
    next = std::min(next, due);
  }
  schedule(next, EventKind::evaluation);
}

void Simulator::evaluate_lb(std::size_t lb) {
  const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
  LbRuntime& runtime = lbs_[lb];
  const double demand = sample_demand(lb);
  meter_.demand_changed(now_, lb, demand);
  const int healthy = runtime.healthy_azs();
  if (healthy == 0) return;
  // Every healthy AZ carries the same share, so they share one requirement.
  const int required =
      required_nodes({demand, healthy, static_cast<int>(spec.azs.size()), runtime.reserved_lcu,
                      spec.node_capacity_lcu, spec.min_nodes_per_az, spec.max_nodes_per_az});
  if (!runtime.touched && required == runtime.last_required && !runtime.any_low_timer()) return;
  runtime.last_required = required;
  for (std::size_t az = 0; az < runtime.azs.size(); ++az) {
    if (runtime.azs[az].impaired > 0) continue;
    const int count = node_count(nodes_, runtime.azs[az]);
    const ScalingDecision decision =
        evaluate_az(required, count, now_, spec.scale_in_cooldown, runtime.azs[az].low_timer);
    for (int i = 0; i < decision.launch; ++i) launch_node(lb, az, NodeState::launching);
    if (decision.drain > 0)
      for (const std::uint32_t slot :
           choose_victims(nodes_, runtime.azs[az], spec.scale_in_victims, decision.drain))
        start_draining(slot);
  }
  runtime.touched = false;  // after this loop every healthy AZ has r = c or a running timer
}

std::uint32_t Simulator::launch_node(std::size_t lb, std::size_t az, NodeState state) {
  const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
  Node node;
  node.id = next_node_id_++;
  node.lb = static_cast<std::uint32_t>(lb);
  node.az = static_cast<std::uint32_t>(az);
  node.state = state;
  std::optional<std::uint32_t> address;
  if (const auto pool = lbs_[lb].pool) {
    address = allocate(*pool);
    if (address) {
      node.pool = static_cast<std::uint32_t>(*pool);
      pool_changed(*pool);
    }
  }
  node.managed = !address;
  node.address = address ? *address : managed_addresses_.acquire();
  meter_.address_acquired(now_, lb, node.managed);

  const std::uint32_t slot = nodes_.create(node);
  LbRuntime& runtime = lbs_[lb];
  runtime.azs[az].nodes.push_back(slot);
  runtime.touched = true;
  SimTime in_service_after;
  if (state == NodeState::launching) {
    in_service_after = draw_duration(spec.launch_delay, runtime.launch_delay_draws);
    schedule(now_ + in_service_after, EventKind::node_in_service, slot, node.id);
  } else if (runtime.azs[az].impaired == 0) {
    set_exposed(nodes_[slot], true);
  }
  // A node is replaced at its age, but never before it is in service.
  const ReplacementSpec& replacement = spec.replacement;
  if (replacement.kind != ReplacementSpec::Kind::none) {
    const SimTime age = replacement.kind == ReplacementSpec::Kind::every
                            ? replacement.age
                            : SimTime::from_ms(std::llround(runtime.replacement_draws.exponential(
                                  static_cast<double>(replacement.age.ms()))));
    schedule(now_ + std::max(age, in_service_after), EventKind::replacement_due, slot, node.id);
  }
  return slot;
}

void Simulator::replace_node(std::uint32_t slot) {
  const Node old = nodes_[slot];
  const std::uint32_t fresh = launch_node(old.lb, old.az, NodeState::launching);
  nodes_[fresh].replaces_slot = slot;
  nodes_[fresh].replaces_id = old.id;
  nodes_[slot].retiring = true;
  lbs_[old.lb].touched = true;
}

void Simulator::enter_service(std::uint32_t slot) {
  Node& node = nodes_[slot];
  node.state = NodeState::in_service;
  lbs_[node.lb].touched = true;
  if (lbs_[node.lb].azs[node.az].impaired == 0) set_exposed(node, true);
  if (node.replaces_slot != kNoSlot && nodes_.holds(node.replaces_slot, node.replaces_id) &&
      nodes_[node.replaces_slot].state == NodeState::in_service)
    start_draining(node.replaces_slot);
}

void Simulator::start_draining(std::uint32_t slot) {
  Node& node = nodes_[slot];
  set_exposed(node, false);
  node.state = NodeState::draining;
  lbs_[node.lb].touched = true;
  schedule(now_ + scenario_.load_balancers[node.lb].drain_time, EventKind::node_terminate, slot,
           node.id);
}

void Simulator::terminate(std::uint32_t slot) {
  Node& node = nodes_[slot];
  node.state = NodeState::terminated;
  lbs_[node.lb].touched = true;
  auto& az_nodes = lbs_[node.lb].azs[node.az].nodes;
  az_nodes.erase(std::find(az_nodes.begin(), az_nodes.end(), slot));
  const SimTime delay = node.managed ? SimTime() : scenario_.pools[node.pool].release_delay;
  schedule(now_ + delay, EventKind::release_address, slot, node.id);
}

void Simulator::release_address(std::uint32_t slot) {
  const Node node = nodes_[slot];
  nodes_.destroy(slot);
  meter_.address_released(now_, node.lb, node.managed);
  if (node.managed) return;
  const std::size_t pool = space_.release(node.address);
  pool_changed(pool);
  reclaim(pool, 1);
}

void Simulator::set_exposed(Node& node, bool exposed) {
  if (node.exposed == exposed) return;
  node.exposed = exposed;
  const bool first_time = exposed && !node.ever_exposed;
  if (exposed) node.ever_exposed = true;
  meter_.exposure_changed(now_, node.lb, node.address, node.managed, exposed, first_time);
}

void Simulator::maintenance(std::size_t lb, double fraction) {
  std::vector<std::uint32_t> eligible;
  for (const AzRuntime& az : lbs_[lb].azs)
    for (const std::uint32_t slot : az.nodes)
      if (nodes_[slot].state == NodeState::in_service && !nodes_[slot].retiring)
        eligible.push_back(slot);
  std::sort(eligible.begin(), eligible.end(),
            [&](std::uint32_t a, std::uint32_t b) { return nodes_[a].id < nodes_[b].id; });
  const auto count =
      static_cast<std::size_t>(tolerant_ceil(fraction * static_cast<double>(eligible.size())));
  for (std::size_t i = 0; i < count && i < eligible.size(); ++i) replace_node(eligible[i]);
}

bool Simulator::reclaims_into(std::size_t lb, std::size_t pool) const {
  return lbs_[lb].pool == pool && scenario_.load_balancers[lb].reclaim == ReclaimPolicy::replace;
}

void Simulator::reclaim(std::size_t pool, std::uint64_t freed) {
  for (std::uint64_t k = 0; k < freed && space_.pool(pool).free_count() > 0; ++k) {
    std::optional<std::uint32_t> victim;
    for (std::size_t lb = 0; lb < lbs_.size() && !victim; ++lb) {
      if (!reclaims_into(lb, pool)) continue;
      for (const AzRuntime& az : lbs_[lb].azs)
        for (const std::uint32_t slot : az.nodes) {
          const Node& n = nodes_[slot];
          if (n.state == NodeState::in_service && !n.retiring && n.managed &&
              (!victim || n.id < nodes_[*victim].id))
            victim = slot;
        }
    }
    if (!victim) return;
    replace_node(*victim);
  }
}

void Simulator::pool_changed(std::size_t pool) {
  const AddressPool& p = space_.pool(pool);
  meter_.pool_changed(now_, pool, p.capacity(), p.in_use());
}

// ---- outputs and checks --------------------------------------------------------------------

void Simulator::sample_until(SimTime before) {
  if (options_.timeseries == nullptr || options_.timeseries_step.ms() <= 0) return;
  while (next_sample_ < before && next_sample_ < scenario_.horizon) {
    TimeseriesRow row;
    row.t = next_sample_;
    for (std::size_t pool = 0; pool < scenario_.pools.size(); ++pool)
      row.pool_in_use.push_back(meter_.pool_in_use(pool));
    for (std::size_t lb = 0; lb < lbs_.size(); ++lb) {
      TimeseriesRow::LoadBalancer state = meter_.lb_state(lb);
      for (const AzRuntime& az : lbs_[lb].azs)
        state.az_nodes.push_back(static_cast<std::uint32_t>(az.nodes.size()));
      row.load_balancers.push_back(std::move(state));
    }
    options_.timeseries->on_row(row);
    next_sample_ += options_.timeseries_step;
  }
}

void Simulator::check_invariants() const {
  auto fail = [&](const std::string& what) {
    throw std::logic_error("invariant broken at t=" + std::to_string(now_.ms()) + "ms: " + what);
  };
  std::vector<std::uint32_t> held;
  std::vector<std::uint64_t> held_per_pool(scenario_.pools.size(), 0);
  auto hold = [&](std::uint32_t address, bool managed) {
    held.push_back(address);
    if (!managed) ++held_per_pool[space_.owner_of(address)];
  };
  for (const auto& addresses : reservation_addresses_)
    for (const std::uint32_t a : addresses) hold(a, false);
  std::vector<std::uint64_t> exposed_per_lb(lbs_.size(), 0);
  for (std::uint32_t slot = 0; slot < nodes_.slot_count(); ++slot) {
    if (!nodes_.live(slot)) continue;
    const Node& n = nodes_[slot];
    hold(n.address, n.managed);
    if (n.exposed) {
      if (n.state != NodeState::in_service || lbs_[n.lb].azs[n.az].impaired > 0)
        fail("node " + std::to_string(n.id) + " is in DNS but not in service in a healthy AZ");
      ++exposed_per_lb[n.lb];
    }
  }
  std::sort(held.begin(), held.end());
  if (std::adjacent_find(held.begin(), held.end()) != held.end()) fail("an address is held twice");
  for (std::size_t pool = 0; pool < scenario_.pools.size(); ++pool) {
    const AddressPool& p = space_.pool(pool);
    if (p.in_use() + p.free_count() != p.capacity() || held_per_pool[pool] != p.in_use())
      fail("pool " + scenario_.pools[pool].id + " in-use count disagrees with held addresses");
  }
  for (std::size_t lb = 0; lb < lbs_.size(); ++lb)
    if (meter_.lb_state(lb).exposed_nodes != exposed_per_lb[lb])
      fail("load balancer " + scenario_.load_balancers[lb].id + " exposes an unheld address");
}

Report simulate(const Scenario& scenario, const SimulationOptions& options) {
  return Simulator(scenario, options).run();
}

}  // namespace albsim
