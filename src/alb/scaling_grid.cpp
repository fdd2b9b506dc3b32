#include "alb/scaling_grid.hpp"

#include <algorithm>
#include <optional>
#include <span>
#include <stdexcept>

namespace albsim {

ScalingGrid::ScalingGrid(const Scenario& scenario, Scheduler<FleetEvent>& scheduler,
                         DemandDriver& demand, std::vector<LbState>& lbs, Evaluator& evaluator)
    : scenario_(scenario),
      scheduler_(scheduler),
      demand_(demand),
      lbs_(lbs),
      evaluator_(evaluator),
      grid_(lbs.size()) {
  for (std::size_t lb = 0; lb < lbs.size(); ++lb) grid_[lb].applied = demand.next_point(lb);
}

void ScalingGrid::schedule_first() {
  for (std::size_t lb = 0; lb < lbs_.size(); ++lb) set_wake(lb, 1);
}

void ScalingGrid::evaluate_due() {
  while (!armed_.empty() && armed_.top() <= now()) armed_.pop();
  due_.clear();
  while (!wakes_.empty() && wakes_.top().first == now()) {
    const std::size_t lb = wakes_.top().second;
    wakes_.pop();
    const std::int64_t wake = grid_[lb].wake;
    if ((due_.empty() || due_.back() != lb) && wake != kNoWake &&
        demand_.point_time(lb, wake) == now())
      due_.push_back(lb);
  }
  for (const std::size_t lb : due_) evaluate_point(lb);
  while (!wakes_.empty()) {  // arm the next wake, dropping stale entries on the way
    const auto [at, lb] = wakes_.top();
    const std::int64_t wake = grid_[lb].wake;
    if (wake != kNoWake && demand_.point_time(lb, wake) == at) {
      arm(at);
      break;
    }
    wakes_.pop();
  }
}

// A real evaluation at the grid point `now`, after the quiet points before it; then a look
// ahead for the next one.
void ScalingGrid::evaluate_point(std::size_t lb) {
  const std::int64_t point = grid_[lb].wake;
  catch_up_before(lb, point);
  if (demand_.next_point(lb) == demand_.block_end(lb)) {
    demand_.next_block(lb);
    grid_[lb].memo.valid = false;
  }
  const double demand = demand_.at(lb, point);
  demand_.consume_through(lb, point);
  grid_[lb].applied = point + 1;
  grid_[lb].memo.holds = false;
  evaluating_ = lb;
  evaluator_.evaluate(lb, demand);
  evaluating_.reset();
  look_ahead(lb);
}

bool ScalingGrid::GridState::any_timer() const {
  for (const LowTimer& timer : timers)
    if (timer.running) return true;
  return false;
}

void ScalingGrid::load(std::size_t lb, GridState& state) const {
  const LbState& s = lbs_[lb];
  state.last_required = s.last_required;
  state.touched = s.touched;
  state.timers.clear();
  state.counts.clear();
  for (const AzState& az : s.azs) {
    state.timers.push_back(az.low_timer);
    state.counts.push_back(az.impaired > 0 ? -1 : az.counted);
  }
}

void ScalingGrid::store(std::size_t lb, const GridState& state) {
  LbState& s = lbs_[lb];
  s.last_required = state.last_required;
  for (std::size_t az = 0; az < s.azs.size(); ++az) s.azs[az].low_timer = state.timers[az];
}

// What the evaluation at `point` would do from `state` (MODEL.md §4, the same rules as
// Fleet::evaluate): nothing, move timers or the last requirement (applied to `state`), or launch or
// drain (then `state` is left as it was and a real evaluation must run).
ScalingGrid::PointKind ScalingGrid::classify(std::size_t lb, std::int64_t point, GridState& state) {
  const LbState& s = lbs_[lb];
  if (s.healthy_azs() == 0) return PointKind::quiet_steady;
  if (state.touched) return PointKind::real;
  const double demand = demand_.at(lb, point);
  const bool timers = state.any_timer();
  const DemandBand& last_band = band(lb, state.last_required);
  const bool unchanged = last_band.contains(demand);
  if (!timers && unchanged) return PointKind::quiet_steady;
  const int required = unchanged ? state.last_required
                                 : requirement_near(lb, state.last_required, last_band, demand);
  if (required == state.last_required && !timers) return PointKind::quiet_steady;
  const SimTime t = demand_.point_time(lb, point);
  const SimTime cooldown = scenario_.load_balancers[lb].scale_in_cooldown;
  for (std::size_t az = 0; az < state.counts.size(); ++az) {
    if (state.counts[az] < 0) continue;  // impaired: not evaluated
    LowTimer timer = state.timers[az];
    const ScalingDecision decision = evaluate_az(required, state.counts[az], t, cooldown, timer);
    if (decision.launch > 0 || decision.drain > 0) return PointKind::real;
  }
  bool changed = required != state.last_required;
  state.last_required = required;
  for (std::size_t az = 0; az < state.counts.size(); ++az) {
    if (state.counts[az] < 0) continue;
    LowTimer& timer = state.timers[az];
    const LowTimer before = timer;
    evaluate_az(required, state.counts[az], t, cooldown, timer);
    changed = changed || !(timer == before);
  }
  return changed ? PointKind::quiet_changed : PointKind::quiet_steady;
}

const DemandBand& ScalingGrid::band(std::size_t lb, int required) {
  static const DemandBand kEmpty;
  const LoadBalancerSpec& spec = scenario_.load_balancers[lb];
  LbState& s = lbs_[lb];
  if (required < spec.min_nodes_per_az || required > spec.max_nodes_per_az) return kEmpty;
  BandCache& cache = grid_[lb].bands;
  if (cache.healthy != s.healthy_azs() || cache.reserved_lcu != s.reserved_lcu) {
    cache.healthy = s.healthy_azs();
    cache.reserved_lcu = s.reserved_lcu;
    cache.by_required.assign(static_cast<std::size_t>(spec.max_nodes_per_az) + 1, std::nullopt);
  }
  auto& known = cache.by_required[static_cast<std::size_t>(required)];
  if (!known)
    known = demand_band({Lcu(0), s.healthy_azs(), static_cast<int>(spec.azs.size()), s.reserved_lcu,
                         spec.node_capacity_lcu, spec.min_nodes_per_az, spec.max_nodes_per_az},
                        required);
  return *known;
}

int ScalingGrid::requirement_near(std::size_t lb, int near, const DemandBand& near_band,
                                  double demand) {
  const int neighbour = demand > near_band.hi ? near + 1 : near - 1;
  if (band(lb, neighbour).contains(demand)) return neighbour;
  return requirement(scenario_.load_balancers[lb], lbs_[lb], demand);
}

void ScalingGrid::set_wake(std::size_t lb, std::int64_t point) {
  LbGrid& g = grid_[lb];
  if (point >= demand_.end_point(lb)) {
    g.wake = kNoWake;
    return;
  }
  g.wake = point;
  const SimTime at = demand_.point_time(lb, point);
  wakes_.emplace(at, lb);
  arm(at);
}

void ScalingGrid::arm(SimTime at) {
  if (!armed_.empty() && armed_.top() <= at) return;  // that event arms the next wake
  scheduler_.schedule(at, ScalingEvaluation{});
  armed_.push(at);
}

void ScalingGrid::wake_no_later_than(std::size_t lb, std::int64_t point) {
  if (grid_[lb].wake > point) set_wake(lb, point);
}

// The first point in [from, to) that is not quiet-and-steady for certain, by demand alone: with
// nothing touched, a demand inside the band of the last requirement L changes nothing when no
// low timer runs (the skip rule of Fleet::evaluate). With timers running every point is a full
// evaluation; it still changes nothing while each healthy AZ either runs a timer with L below its
// count and its highest requirement at least L, or has exactly L nodes, until a timer's cooldown
// ends (the first point at or past since + cooldown).
std::int64_t ScalingGrid::skip_steady(std::size_t lb, std::int64_t from, std::int64_t to,
                                      const GridState& state) {
  if (lbs_[lb].healthy_azs() == 0) return to;
  if (state.touched) return from;
  const int required = state.last_required;
  if (state.any_timer())
    for (std::size_t az = 0; az < state.timers.size(); ++az) {
      const LowTimer& timer = state.timers[az];
      const int count = state.counts[az];
      if (count < 0) continue;  // impaired
      if (!timer.running) {
        if (count != required) return from;
        continue;
      }
      if (required >= count || timer.max_required < required) return from;
    }
  const std::int64_t limit = cooldown_limit(lb, to, state);
  const DemandBand steady = band(lb, state.last_required);
  const double* demand = demand_by_point(lb);
  std::int64_t point = from;
  while (point < limit && steady.contains(demand[point])) ++point;
  return point;
}

const double* ScalingGrid::demand_by_point(std::size_t lb) {
  const std::span<const double> block = demand_.block(lb);
  const std::int64_t first = demand_.block_end(lb) - static_cast<std::int64_t>(block.size());
  return block.data() - first;
}

std::int64_t ScalingGrid::cooldown_end_point(std::size_t lb, const LowTimer& timer) const {
  const std::int64_t step = demand_.step(lb).ms();
  const std::int64_t cooldown = scenario_.load_balancers[lb].scale_in_cooldown.ms();
  return (timer.since.ms() + cooldown + step - 1) / step;  // point * step - since >= cooldown
}

std::int64_t ScalingGrid::cooldown_limit(std::size_t lb, std::int64_t to,
                                         const GridState& state) const {
  std::int64_t limit = to;
  for (std::size_t az = 0; az < state.timers.size(); ++az)
    if (state.counts[az] >= 0 && state.timers[az].running)
      limit = std::min(limit, cooldown_end_point(lb, state.timers[az]));
  return limit;
}

// A flicker run. While every healthy AZ has the same count c and the same low timer, they all
// evaluate alike (MODEL.md §4): a demand in the band of c stops the timers, one below it starts
// them (or raises their highest requirement while they run), and only a demand above the band (a
// launch) or a cooldown ending under a running timer (a drain) is a real point. Noise makes the
// requirement flicker between c and c - 1 at every few points; the run follows it on the demand
// alone and computes requirements only at its end (the last requirement, the timer's highest
// requirement), so the state it leaves is the one the points one by one would leave, the stale
// fields of a stopped timer included.
std::int64_t ScalingGrid::skip_flicker(std::size_t lb, std::int64_t from, std::int64_t to,
                                       GridState& state,
                                       std::optional<std::int64_t>& first_change) {
  if (state.touched || lbs_[lb].healthy_azs() == 0) return from;
  std::optional<std::size_t> first_az;
  for (std::size_t az = 0; az < state.counts.size(); ++az) {
    if (state.counts[az] < 0) continue;
    if (!first_az)
      first_az = az;
    else if (state.counts[az] != state.counts[*first_az] ||
             !(state.timers[az] == state.timers[*first_az]))
      return from;
  }
  const int count = state.counts[*first_az];
  LowTimer timer = state.timers[*first_az];
  const int last = state.last_required;
  // The state as the rules leave it: no timer after a requirement of c, a timer after one below.
  if (timer.running ? (last >= count || last > timer.max_required) : last != count) return from;
  const DemandBand& at_count = band(lb, count);
  if (at_count.lo > at_count.hi) return from;  // no demand asks for exactly c
  const std::int64_t step = demand_.step(lb).ms();
  // A timer started at point p drains at p + cooldown_points (cooldown_end_point); the timer
  // running at `from` drains at `start` + cooldown_points. Without a cooldown a start is a drain.
  const std::int64_t cooldown_points =
      (scenario_.load_balancers[lb].scale_in_cooldown.ms() + step - 1) / step;
  const double* demand = demand_by_point(lb);
  bool running = timer.running, restarted = false;
  std::int64_t start = running ? cooldown_end_point(lb, timer) - cooldown_points : 0;
  double largest = 0;  // the largest demand below the band since the timer started (or `from`)
  std::int64_t point = from;
  bool changed = first_change.has_value();
  // Until the first change: while the timer that ran at `from` sees demands in the band of the
  // last requirement, nothing changes.
  const DemandBand* unchanged = running && !changed ? &band(lb, last) : nullptr;
  for (; !changed && point < to; ++point) {
    const double d = demand[point];
    if (d > at_count.hi) break;  // a launch
    if (d >= at_count.lo) {      // the requirement is c: a running timer stops
      if (!running) continue;
      running = false;
    } else if (!running) {  // below c: the timers start
      if (cooldown_points == 0) break;
      running = restarted = true;
      start = point;
    } else {  // below c, the timer of `from` running (a start is a change)
      if (point >= start + cooldown_points) break;  // a drain
      largest = std::max(largest, d);
      if (unchanged->contains(d)) continue;  // the requirement stays the last one
    }
    first_change = point;
    changed = true;
  }
  // After it, the same rules on the demand alone, in masks rather than branches (noise would make
  // them unpredictable): only a launch or a drain ends the run. The largest demand is found after
  // it, in the run of points below the band that the timer last started with (a run ends in
  // `cooldown_points` at most: then it drains).
  const double lo = at_count.lo, hi = at_count.hi;
  const std::int64_t resumed = point;
  std::uint64_t runs = running, restarts = restarted;
  std::int64_t drain = start + cooldown_points;
  for (; changed && point < to; ++point) {
    const double d = demand[point];
    if (d > hi) break;  // a launch
    const std::uint64_t below = d < lo;
    const std::uint64_t starts = below & (runs ^ 1);
    const std::int64_t drain_here =
        drain + ((point + cooldown_points - drain) & (0 - static_cast<std::int64_t>(starts)));
    if (below & static_cast<std::uint64_t>(point >= drain_here)) break;  // a drain
    drain = drain_here;
    restarts |= starts;
    runs = below;
  }
  const auto largest_below_from = [&](std::int64_t p) {
    double found = 0;
    for (; p < point && demand[p] < lo; ++p) found = std::max(found, demand[p]);
    return found;
  };
  if (changed) {
    running = runs != 0;
    restarted = restarts != 0;
    start = drain - cooldown_points;
    largest =
        restarted ? largest_below_from(start) : std::max(largest, largest_below_from(resumed));
  }
  if (point == from) return from;
  // The requirement is monotone in the demand, so a timer's highest requirement is that of the
  // largest demand since it started, with the one it had at `from` if it never restarted.
  const auto requirement_of = [&](double d) {  // of a demand below the band of c
    const DemandBand& below = band(lb, count - 1);
    return below.contains(d) ? count - 1 : requirement_near(lb, count - 1, below, d);
  };
  if (restarted) {
    timer.since = SimTime::from_ms(start * step);
    timer.max_required = requirement_of(largest);
  } else if (timer.running) {
    timer.max_required = std::max(timer.max_required, requirement_of(largest));
  }
  timer.running = running;
  state.last_required = running ? requirement_of(demand[point - 1]) : count;
  for (std::size_t az = 0; az < state.counts.size(); ++az)
    if (state.counts[az] >= 0) state.timers[az] = timer;
  return point;
}

std::int64_t ScalingGrid::run_quiet(std::size_t lb, std::int64_t from, std::int64_t to,
                                    GridState& state, std::optional<std::int64_t>& first_change) {
  for (std::int64_t point = from; point < to; ++point) {
    point = skip_steady(lb, point, to, state);
    if (point == to) break;
    point = skip_flicker(lb, point, to, state, first_change);
    if (point == to) break;
    const PointKind kind = classify(lb, point, state);
    if (kind == PointKind::real) return point;
    if (kind == PointKind::quiet_changed && !first_change) first_change = point;
  }
  return to;
}

// After a real evaluation: the first point ahead that is not quiet, within the demand block
// (its end is a real evaluation that fills the next block).
void ScalingGrid::look_ahead(std::size_t lb) {
  const std::int64_t start = grid_[lb].applied;
  const std::int64_t end = demand_.block_end(lb);
  if (start >= end) {
    set_wake(lb, start);
    return;
  }
  GridState& state = scratch_;
  load(lb, state);
  ScanMemo& memo = grid_[lb].memo;
  if (memo.valid && memo.start <= start && start <= memo.steady_until && state == memo.state) {
    memo.holds = true;
    set_wake(lb, memo.wake);
    return;
  }
  memo.valid = memo.holds = true;
  memo.start = start;
  memo.state = state;
  std::optional<std::int64_t> first_change;
  memo.wake = run_quiet(lb, start, end, state, first_change);
  memo.steady_until = first_change.value_or(memo.wake);
  memo.at_wake = state;
  set_wake(lb, memo.wake);
}

// Applies the quiet points [applied, end): their state changes, and their demand to the meter.
void ScalingGrid::catch_up_before(std::size_t lb, std::int64_t end) {
  const std::int64_t start = grid_[lb].applied;
  if (end <= start) return;
  check_before_wake(lb, end);
  ScanMemo& memo = grid_[lb].memo;
  const bool seen = memo.valid && memo.holds && memo.start <= start && start <= memo.steady_until;
  if (seen && end == memo.wake) {  // the look-ahead applied these points already
    memo.holds = false;
    store(lb, memo.at_wake);
  } else if (!(seen && end <= memo.steady_until)) {
    GridState& state = scratch_;
    load(lb, state);
    memo.holds = false;
    std::optional<std::int64_t> first_change;
    if (run_quiet(lb, start, end, state, first_change) != end)
      throw std::logic_error("scaling grid: a real evaluation was skipped");
    store(lb, state);
  }
  grid_[lb].applied = end;
  demand_.consume_through(lb, end - 1);
}

void ScalingGrid::check_before_wake(std::size_t lb, std::int64_t end) const {
  if (end > grid_[lb].wake || end > demand_.block_end(lb))
    throw std::logic_error("scaling grid: catching up past a real evaluation");
}

std::int64_t ScalingGrid::passed_point(std::size_t lb) const {
  const std::int64_t step = demand_.step(lb).ms();
  const std::int64_t t = now().ms();
  return scheduler_.current_class() > EventClass::scaling_evaluation ? t / step + 1
                                                                     : (t + step - 1) / step;
}

void ScalingGrid::catch_up(std::size_t lb) {
  catch_up_before(lb, passed_point(lb));
}

void ScalingGrid::before_change(std::size_t lb, bool rule_inputs) {
  if (evaluating_ == lb) {  // its own evaluation: caught up, and it looks ahead afterwards
    if (rule_inputs) lbs_[lb].touched = true;
    return;
  }
  if (!rule_inputs) {  // the rule's state may stay behind; the meter may not
    const std::int64_t passed = passed_point(lb);
    check_before_wake(lb, passed);
    demand_.consume_through(lb, passed - 1);
    return;
  }
  catch_up(lb);
  grid_[lb].memo.holds = false;
  lbs_[lb].touched = true;
  wake_no_later_than(lb, demand_.next_point(lb));
}

void ScalingGrid::inputs_changed(std::size_t lb) {
  grid_[lb].memo.valid = false;
  wake_no_later_than(lb, demand_.next_point(lb));
}

void ScalingGrid::settle_all_demand() {
  for (std::size_t lb = 0; lb < lbs_.size(); ++lb) catch_up_before(lb, demand_.end_point(lb));
}

}  // namespace albsim
