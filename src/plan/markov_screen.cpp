#include "plan/markov_screen.hpp"

#include <Eigen/Sparse>
#include <Eigen/SparseLU>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "alb/scaling_rules.hpp"

namespace albsim {
namespace {

constexpr double kMsPerHour = 3'600'000.0;

double mean_hours(const DurationDistribution& d) {
  switch (d.kind) {
    case DurationDistribution::Kind::fixed:
      return d.fixed.hours_f();
    case DurationDistribution::Kind::uniform:
      return (d.low.hours_f() + d.high.hours_f()) / 2;
    case DurationDistribution::Kind::exponential:
      return d.mean.hours_f();
  }
  return 0;
}

bool reaches(const std::optional<std::size_t>& event_lb, std::size_t lb) {
  return !event_lb || *event_lb == lb;
}

// The random surge and outage processes reaching the load balancer.
struct Processes {
  const RandomEventSpec* surge = nullptr;
  const RandomEventSpec* outage = nullptr;
  std::optional<std::string> problem;
};

Processes processes_of(const Scenario& scenario, std::size_t lb) {
  Processes p;
  for (const RandomEventSpec& e : scenario.random_events) {
    if (!reaches(e.lb, lb)) continue;
    const RandomEventSpec*& slot = e.type == RandomEventSpec::Kind::surge ? p.surge : p.outage;
    if (slot) p.problem = "more than one random process of a kind reaches the load balancer";
    slot = &e;
  }
  return p;
}

std::uint64_t reserved_addresses(const Scenario& scenario, std::optional<std::size_t> pool) {
  std::uint64_t total = 0;
  for (const ReservationSpec& r : scenario.reservations)
    if (pool && r.pool == *pool) total += r.count;
  return total;
}

// A random process of surges or outages: how many are active and how many still hold extra
// nodes (ended, but not yet scaled in). States (active a, held h), 0 <= a <= h <= cap:
// an arrival gives (a + 1, max(h, a + 1)), an end (a - 1, h), the end of cooling (a, a).
struct Component {
  std::vector<std::pair<int, int>> states = {{0, 0}};  // (active, held)
  struct Move {
    std::size_t from, to;
    double rate_per_hour;
  };
  std::vector<Move> moves;
};

Component component_of(const RandomEventSpec* e, double cooling_hours, int cap_limit) {
  Component c;
  if (!e) return c;
  const double arrival = kMsPerHour / e->mean_interarrival_ms;
  const double duration = std::max(mean_hours(e->duration), 1e-9);
  const double cooling = std::max(cooling_hours, 1e-9);
  // Events holding nodes are Poisson with mean arrival x (duration + cooling): keep 6 sd.
  const double load = arrival * (duration + cooling);
  const int cap =
      std::clamp(static_cast<int>(std::ceil(load + 6 * std::sqrt(load) + 2)), 1, cap_limit);
  c.states.clear();
  for (int h = 0; h <= cap; ++h)
    for (int a = 0; a <= h; ++a) c.states.push_back({a, h});
  auto index = [&](int a, int h) { return static_cast<std::size_t>(h * (h + 1) / 2 + a); };
  for (const auto& [a, h] : c.states) {
    const std::size_t from = index(a, h);
    if (a < cap) c.moves.push_back({from, index(a + 1, std::max(h, a + 1)), arrival});
    if (a > 0) c.moves.push_back({from, index(a - 1, h), a / duration});
    if (h > a) c.moves.push_back({from, index(a, a), 1.0 / cooling});
  }
  return c;
}

constexpr std::size_t kMaxStates = 200'000;  // beyond this the sparse LU takes too long

// Nodes per AZ at constant demand x multiplier with `healthy` AZs carrying it.
int per_az(const LoadBalancerSpec& spec, double multiplier, int healthy) {
  return required_nodes({Lcu(spec.demand.constant * multiplier), healthy,
                         static_cast<int>(spec.azs.size()), spec.capacity_reservation_lcu,
                         spec.node_capacity_lcu, spec.min_nodes_per_az, spec.max_nodes_per_az});
}

// The chain's dimensions and rates for one load balancer.
struct ChainShape {
  Component surges, outages;
  double multiplier = 1;  // of one surge
  bool replaced = false;  // replacement `mean`
  double start_rate = 0;  // replacements a node starts per hour
  double end_rate = 0;    // overlaps ending per hour
  int max_k = 0;          // overlapping replacements kept
  std::size_t states() const {
    return surges.states.size() * outages.states.size() * static_cast<std::size_t>(max_k + 1);
  }
};

// Nodes with `surges_held` surges and `outages_held` impaired AZs still holding nodes: the
// impaired AZs keep what they had, the others carry the demand.
int nodes_in(const LoadBalancerSpec& spec, double multiplier, int surges_held, int outages_held) {
  const double m = std::pow(multiplier, surges_held);
  const int healthy = static_cast<int>(spec.azs.size()) - outages_held;
  return healthy * per_az(spec, m, healthy) +
         outages_held * per_az(spec, m, healthy + outages_held);
}

ChainShape shape_of(const Scenario& scenario, std::size_t lb, double release_hours) {
  const LoadBalancerSpec& spec = scenario.load_balancers[lb];
  const double cooling = spec.evaluation_interval.hours_f() + spec.scale_in_cooldown.hours_f() +
                         spec.drain_time.hours_f() + release_hours;
  const Processes processes = processes_of(scenario, lb);
  ChainShape c;
  c.surges = component_of(processes.surge, cooling, 6);
  c.outages = component_of(processes.outage, cooling, static_cast<int>(spec.azs.size()) - 1);
  c.multiplier = processes.surge ? processes.surge->multiplier : 1.0;
  int max_nodes = 0;
  for (const auto& s : c.surges.states)
    for (const auto& o : c.outages.states)
      max_nodes = std::max(max_nodes, nodes_in(spec, c.multiplier, s.second, o.second));
  c.replaced = spec.replacement.kind == ReplacementSpec::Kind::mean;
  if (!c.replaced) return c;
  c.start_rate = 1.0 / spec.replacement.age.hours_f();
  const double overlap_hours =
      mean_hours(spec.launch_delay) + spec.drain_time.hours_f() + release_hours;
  c.end_rate = 1.0 / std::max(overlap_hours, 1e-9);
  // Overlaps are Poisson with mean max_nodes x start / end at most: keep 8 sd and more.
  const double mean_overlaps = max_nodes * c.start_rate / c.end_rate;
  c.max_k = std::min(max_nodes,
                     static_cast<int>(std::ceil(mean_overlaps + 8 * std::sqrt(mean_overlaps) + 8)));
  return c;
}

double release_hours_of(const Scenario& scenario, std::optional<std::size_t> pool) {
  return pool ? scenario.pools[*pool].release_delay.hours_f() : 0.0;
}

}  // namespace

std::optional<std::string> screen_not_applicable(const Scenario& scenario, std::size_t lb,
                                                 std::optional<std::size_t> pool) {
  const LoadBalancerSpec& spec = scenario.load_balancers[lb];
  if (spec.demand.kind != DemandSpec::Kind::constant)
    return "demand is not constant (the screen needs stationary demand)";
  if (spec.demand.growth_per_30d != 0) return "demand grows";
  if (spec.demand.noise_sigma != 0) return "demand has noise";
  if (spec.replacement.kind == ReplacementSpec::Kind::every)
    return "replacement \"every\" replaces nodes in lockstep, not at random";
  for (const EventSpec& e : scenario.events)
    if (reaches(e.lb(), lb) && (e.as<SurgeEvent>() || e.as<AzOutageEvent>() ||
                                e.as<MaintenanceEvent>() || e.as<CapacityReservationEvent>()))
      return "scheduled events change the load balancer";
  if (const auto problem = processes_of(scenario, lb).problem) return problem;
  for (const ReservationSpec& r : scenario.reservations)
    if (pool && r.pool == *pool && (r.from.ms() != 0 || r.to != scenario.horizon))
      return "a reservation of the pool does not last the whole run";
  if (shape_of(scenario, lb, release_hours_of(scenario, pool)).states() > kMaxStates)
    return "the chain would have more than 200,000 states";
  return std::nullopt;
}

MarkovScreen::MarkovScreen(const Scenario& scenario, std::size_t lb,
                           std::optional<std::size_t> pool)
    : reserved_(reserved_addresses(scenario, pool)), horizon_hours_(scenario.horizon.hours_f()) {
  const LoadBalancerSpec& spec = scenario.load_balancers[lb];
  const ChainShape c = shape_of(scenario, lb, release_hours_of(scenario, pool));
  const Component& surges = c.surges;
  const Component& outages = c.outages;
  const int max_k = c.max_k;
  const std::size_t ks = static_cast<std::size_t>(max_k) + 1;
  const std::size_t os = outages.states.size();
  const std::size_t count = c.states();
  auto index = [&](std::size_t s, std::size_t o, int k) {
    return (s * os + o) * ks + static_cast<std::size_t>(k);
  };
  held_.resize(count);
  nodes_.resize(count);
  demand_.resize(count);
  for (std::size_t s = 0; s < surges.states.size(); ++s)
    for (std::size_t o = 0; o < os; ++o) {
      const int n = nodes_in(spec, c.multiplier, surges.states[s].second, outages.states[o].second);
      const double d = spec.demand.constant * std::pow(c.multiplier, surges.states[s].first);
      for (int k = 0; k <= max_k; ++k) {
        const std::size_t from = index(s, o, k);
        nodes_[from] = n;
        demand_[from] = d;
        held_[from] = n + k;
        if (k < max_k) transitions_.push_back({from, index(s, o, k + 1), n * c.start_rate});
        if (k > 0) transitions_.push_back({from, index(s, o, k - 1), k * c.end_rate});
      }
    }
  for (const Component::Move& m : surges.moves)
    for (std::size_t o = 0; o < os; ++o)
      for (int k = 0; k <= max_k; ++k)
        transitions_.push_back({index(m.from, o, k), index(m.to, o, k), m.rate_per_hour});
  for (const Component::Move& m : outages.moves)
    for (std::size_t s = 0; s < surges.states.size(); ++s)
      for (int k = 0; k <= max_k; ++k)
        transitions_.push_back({index(s, m.from, k), index(s, m.to, k), m.rate_per_hour});
  start_ = index(0, 0, 0);  // state (0, 0) is first in each component

  solve_stationary();
}

void MarkovScreen::solve_stationary() {
  // pi Q = 0 with sum(pi) = 1: solve Q^T pi = 0 with the last equation replaced by the sum.
  std::vector<Eigen::Triplet<double>> entries;
  const auto last = static_cast<Eigen::Index>(held_.size() - 1);
  for (const Transition& t : transitions_) {
    const auto from = static_cast<Eigen::Index>(t.from), to = static_cast<Eigen::Index>(t.to);
    if (to != last) entries.emplace_back(to, from, t.rate_per_hour);
    if (from != last) entries.emplace_back(from, from, -t.rate_per_hour);
  }
  for (Eigen::Index i = 0; i <= last; ++i) entries.emplace_back(last, i, 1.0);
  Eigen::SparseMatrix<double> a(last + 1, last + 1);
  a.setFromTriplets(entries.begin(), entries.end());
  Eigen::SparseLU<Eigen::SparseMatrix<double>> solver;
  solver.compute(a);
  if (solver.info() != Eigen::Success) throw std::runtime_error("Markov screen: singular chain");
  Eigen::VectorXd b = Eigen::VectorXd::Zero(last + 1);
  b[last] = 1.0;
  const Eigen::VectorXd pi = solver.solve(b);
  stationary_.assign(pi.data(), pi.data() + pi.size());
  for (double& p : stationary_) p = std::max(0.0, p);  // round-off below zero
}

ScreenEstimate MarkovScreen::estimate(std::uint64_t capacity) const {
  const std::int64_t usable =
      static_cast<std::int64_t>(capacity) - static_cast<std::int64_t>(reserved_);
  auto over = [&](std::size_t state) { return held_[state] > usable; };
  ScreenEstimate e;
  double nodes = 0;
  for (std::size_t i = 0; i < stationary_.size(); ++i) {
    const double excess = std::max<double>(0.0, static_cast<double>(held_[i] - usable));
    if (over(i)) e.time_over_capacity += stationary_[i];
    e.managed_addresses += stationary_[i] * excess;
    e.pool_addresses += stationary_[i] * (held_[i] - excess + static_cast<double>(reserved_));
    nodes += stationary_[i] * nodes_[i];
  }
  e.breach_probability = breach_probability(usable);
  e.in_allowlist = nodes > 0 ? std::clamp(1.0 - e.managed_addresses / nodes, 0.0, 1.0) : 1.0;
  return e;
}

double MarkovScreen::breach_probability(std::int64_t usable) const {
  auto over = [&](std::size_t state) { return held_[state] > usable; };
  if (over(start_)) return 1.0;
  // Mean first-passage times tau(x) into the over-capacity states: for x below capacity,
  // sum_y q(x, y) (tau(y) - tau(x)) = -1 with tau = 0 above it.
  std::vector<Eigen::Index> position(held_.size(), -1);
  Eigen::Index below = 0;
  for (std::size_t i = 0; i < held_.size(); ++i)
    if (!over(i)) position[i] = below++;
  if (below == static_cast<Eigen::Index>(held_.size())) return 0.0;  // never over capacity
  std::vector<Eigen::Triplet<double>> entries;
  for (const Transition& t : transitions_) {
    if (over(t.from)) continue;
    entries.emplace_back(position[t.from], position[t.from], -t.rate_per_hour);
    if (!over(t.to)) entries.emplace_back(position[t.from], position[t.to], t.rate_per_hour);
  }
  Eigen::SparseMatrix<double> q(below, below);
  q.setFromTriplets(entries.begin(), entries.end());
  Eigen::SparseLU<Eigen::SparseMatrix<double>> solver;
  solver.compute(q);
  if (solver.info() != Eigen::Success) return 0.0;  // capacity unreachable from below
  const Eigen::VectorXd tau = solver.solve(Eigen::VectorXd::Constant(below, -1.0));
  const double mean_hours_to_breach = tau[position[start_]];
  return 1.0 - std::exp(-horizon_hours_ / mean_hours_to_breach);
}

double MarkovScreen::mean_demand_lcu() const {
  double mean = 0;
  for (std::size_t i = 0; i < stationary_.size(); ++i) mean += stationary_[i] * demand_[i];
  return mean;
}

std::vector<double> MarkovScreen::address_distribution() const {
  std::vector<double> p(static_cast<std::size_t>(*std::max_element(held_.begin(), held_.end())) +
                        1);
  for (std::size_t i = 0; i < stationary_.size(); ++i)
    p[static_cast<std::size_t>(held_[i])] += stationary_[i];
  return p;
}

}  // namespace albsim
