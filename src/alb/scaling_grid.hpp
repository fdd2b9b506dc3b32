// ScalingGrid: where the scaling evaluations of MODEL.md §4 run. Every load balancer is evaluated
// every `evaluation_interval`; the grid runs a real evaluation only where something can happen.
// An evaluation that launches or drains nothing only moves the low timers and the last
// requirement: a "quiet" point. After each real evaluation the grid looks ahead over the demand
// block for the first point that is not quiet (the requirement reaches a count, a low timer
// expires) and schedules a real evaluation there alone. The quiet points before it are applied
// later, in order, the moment anything is about to change what the rule reads (catch-up), so
// every state and metric is the one a point-by-point evaluation would give. Their demand goes to
// the meter sooner: before any change of the load balancer's nodes. "Touched" is kept by
// construction: NodeLifecycle calls before_change() ahead of every write to a node or an AZ;
// one that changes what the rule reads (an AZ's count, outage or low timer) catches up and asks
// for a real evaluation at the next point; any other (DNS, a node entering service or
// terminating outside c_az) only hands the demand so far to the meter and keeps the look-ahead.
//
// Contract: a real evaluation (Evaluator::evaluate) changes only its own load balancer (it
// launches and drains; nothing it does frees an address, so no other load balancer reclaims in
// the same instant), and leaves LbState::touched false only if the next point, with the same
// demand, would change nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

#include "alb/fleet_events.hpp"
#include "alb/lb_state.hpp"
#include "alb/scaling_rules.hpp"
#include "albsim/scenario.hpp"
#include "demand/demand_driver.hpp"
#include "engine/scheduler.hpp"

namespace albsim {

class ScalingGrid {
 public:
  // A real evaluation of load balancer `lb` at the current grid point, with d = `demand`.
  class Evaluator {
   public:
    virtual void evaluate(std::size_t lb, double demand) = 0;

   protected:
    ~Evaluator() = default;
  };

  ScalingGrid(const Scenario& scenario, Scheduler<FleetEvent>& scheduler, DemandDriver& demand,
              std::vector<LbState>& lbs, Evaluator& evaluator);

  // Schedules the first point (t = interval) of every load balancer.
  void schedule_first();
  // The ScalingEvaluation event: the load balancers whose next real evaluation is now, in index
  // order (the order of MODEL.md §4).
  void evaluate_due();
  // A node or AZ of `lb` is about to change: the demand of the points that have run goes to the
  // meter first. When the change moves what the rule reads (`rule_inputs`: an AZ's count,
  // outage or low timer), the quiet points are applied too, and the next point is a real
  // evaluation.
  void before_change(std::size_t lb, bool rule_inputs);
  // Applies the quiet points that have run by now (passed_point) and hands their demand to the
  // meter.
  void catch_up(std::size_t lb);
  // Demand, reservation or healthy AZs changed after catch_up(): what was seen ahead no longer
  // holds, and the next point is looked at again.
  void inputs_changed(std::size_t lb);
  // Applies every quiet point before the horizon, so the demand observer holds all demand;
  // once, after the last instant.
  void settle_all_demand();

 private:
  static constexpr std::int64_t kNoWake = std::numeric_limits<std::int64_t>::max();

  // What decides whether a grid point is quiet: the last requirement, the touched mark, and per
  // AZ its low timer and node count (-1 while impaired).
  struct GridState {
    int last_required = -1;
    bool touched = false;
    std::vector<LowTimer> timers;
    std::vector<int> counts;
    bool any_timer() const;
    bool operator==(const GridState&) const = default;
  };
  // The last look-ahead: from `state` at point `start`, points [start, steady_until) are quiet
  // and leave the state as it is, `wake` is the first point that is not quiet, and the quiet
  // points before it leave `at_wake`. Reused when a later real evaluation leaves the same state
  // at a point in [start, steady_until]: the scan from there passes the same points in the same
  // state. `holds` while the load balancer's own state is still `state` (nothing touched or
  // moved it); then catching up to `wake` stores `at_wake` instead of scanning again.
  struct ScanMemo {
    bool valid = false;
    bool holds = false;
    std::int64_t start = 0, steady_until = 0, wake = 0;
    GridState state, at_wake;
  };
  enum class PointKind { quiet_steady, quiet_changed, real };
  // demand_band() per requirement value, for the healthy AZs and reservation they were found
  // with.
  struct BandCache {
    int healthy = -1;
    Lcu reserved_lcu{-1};
    std::vector<std::optional<DemandBand>> by_required;
  };
  // The grid's own state of one load balancer.
  struct LbGrid {
    std::int64_t wake = kNoWake;  // the grid point of the next real evaluation
    // The first point not yet applied to LbState; the demand of points from here up to the
    // DemandDriver's next_point() is with the meter already.
    std::int64_t applied = 0;
    ScanMemo memo;
    BandCache bands;
  };

  SimTime now() const { return scheduler_.now(); }
  void evaluate_point(std::size_t lb);
  void set_wake(std::size_t lb, std::int64_t point);
  void arm(SimTime at);
  void wake_no_later_than(std::size_t lb, std::int64_t point);
  void catch_up_before(std::size_t lb, std::int64_t end);
  // The points that have run by now: those before now, and those at it once scaling evaluations
  // (or later classes) of this instant have started.
  std::int64_t passed_point(std::size_t lb) const;
  // Points before `end` may be applied or consumed: none is a real evaluation still to run.
  void check_before_wake(std::size_t lb, std::int64_t end) const;
  void load(std::size_t lb, GridState& state) const;
  void store(std::size_t lb, const GridState& state);
  // demand_band() of `required` (empty outside min..max nodes per AZ), cached; the reference
  // holds until the healthy AZs or the reservation change.
  const DemandBand& band(std::size_t lb, int required);
  // requirement() for a demand outside `near_band`, band(lb, near): found in the band of the
  // neighbour of `near` on the demand's side (the demand moved by one node) when it holds the
  // demand, else computed.
  int requirement_near(std::size_t lb, int near, const DemandBand& near_band, double demand);
  PointKind classify(std::size_t lb, std::int64_t point, GridState& state);
  std::int64_t skip_steady(std::size_t lb, std::int64_t from, std::int64_t to,
                           const GridState& state);
  // The first point in [from, to) past a flicker run (scaling_grid.cpp), the run applied at once
  // to `state`; `first_change` as in run_quiet. `from` itself when no run starts there.
  std::int64_t skip_flicker(std::size_t lb, std::int64_t from, std::int64_t to, GridState& state,
                            std::optional<std::int64_t>& first_change);
  // The demand block of `lb` indexed by point number: [block_end() - size, block_end()).
  const double* demand_by_point(std::size_t lb);
  // The first point at or past the end of `timer`'s cooldown: where a running timer drains.
  std::int64_t cooldown_end_point(std::size_t lb, const LowTimer& timer) const;
  // The first point at or past the end of a running timer's cooldown (healthy AZs), or `to`.
  std::int64_t cooldown_limit(std::size_t lb, std::int64_t to, const GridState& state) const;
  // Classifies points from `from` on until one is real (returned) or `to` is reached (then
  // `to`); `state` moves with the quiet points; `first_change` gets the first quiet point that
  // changed the state, if any.
  std::int64_t run_quiet(std::size_t lb, std::int64_t from, std::int64_t to, GridState& state,
                         std::optional<std::int64_t>& first_change);
  void look_ahead(std::size_t lb);

  const Scenario& scenario_;
  Scheduler<FleetEvent>& scheduler_;
  DemandDriver& demand_;
  std::vector<LbState>& lbs_;
  Evaluator& evaluator_;
  std::vector<LbGrid> grid_;
  // Real evaluations due, as (time, load balancer); an entry is stale unless it is the load
  // balancer's wake.
  std::priority_queue<std::pair<SimTime, std::size_t>, std::vector<std::pair<SimTime, std::size_t>>,
                      std::greater<>>
      wakes_;
  // The times of the ScalingEvaluation events not yet dispatched. One is pending at or before the
  // earliest wake; others, at later times, were armed before an earlier wake came and find
  // nothing due, or what is. A time with an event pending, or after one, is not armed again.
  std::priority_queue<SimTime, std::vector<SimTime>, std::greater<>> armed_;
  std::vector<std::size_t> due_;
  std::optional<std::size_t> evaluating_;  // the load balancer under a real evaluation
  GridState scratch_;                      // look_ahead's and catch_up's working state
};

}  // namespace albsim
