// DemandDriver: every load balancer's demand d(t) at t = 0 and at its grid points k * interval,
// k >= 1 (MODEL.md §5): the profile (with growth) times every active surge times a lognormal
// noise draw.
//
// Grid points are computed in blocks (a contiguous run of points, at most `block_points`): the
// profile in one pass and the noise drawn in point order from the load balancer's stream, so a
// block of any size gives the same numbers. A point's demand is told to the observer when the
// caller consumes it (consume_through), in point order, each point exactly once; the caller
// consumes a point before anything that happens after it in simulated time touches the observer.
// The observer's demand integral over the block is traced when the block is computed (its data is
// hot then), so consuming a stretch costs O(1) while no demand is lost.
//
// Surges change demand from the first point not yet consumed: the listener hears of a change
// before it applies (to consume what came before) and after (to look at the new values). The
// block's values are recomputed on the first read after a change, so that many surges starting
// and ending between two grid points cost one recomputation, not one each.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "albsim/scenario.hpp"
#include "core/random_stream.hpp"
#include "core/step_integral.hpp"
#include "demand/active_surges.hpp"
#include "demand/demand_observer.hpp"
#include "demand/demand_profile.hpp"
#include "demand/growth_cache.hpp"

namespace albsim {

class DemandListener {
 public:
  virtual void demand_will_change(std::size_t lb) = 0;
  virtual void demand_changed(std::size_t lb) = 0;

 protected:
  ~DemandListener() = default;
};

class DemandDriver {
 public:
  static constexpr std::size_t kDefaultBlockPoints = 1440;

  DemandDriver(const Scenario& scenario, std::uint64_t replication, DemandObserver& observer,
               std::size_t block_points = kDefaultBlockPoints);
  void set_listener(DemandListener& listener) { listener_ = &listener; }

  // d(0) of load balancer `lb`, told to the observer; call once, before any grid point.
  double sample_start(std::size_t lb);

  // The grid of `lb`: point k is at k * step. Points below next_point() have been consumed;
  // the block holds [next_point(), block_end()) and is refilled by next_block() once used up.
  SimTime step(std::size_t lb) const { return lbs_[lb].step; }
  SimTime point_time(std::size_t lb, std::int64_t k) const {
    return SimTime::from_ms(lbs_[lb].step.ms() * k);
  }
  std::int64_t next_point(std::size_t lb) const { return lbs_[lb].next; }
  std::int64_t block_end(std::size_t lb) const { return lbs_[lb].end; }
  // The next block, from next_point(); needs next_point() == block_end() < end_point().
  void next_block(std::size_t lb);
  // One past the last grid point before the horizon.
  std::int64_t end_point(std::size_t lb) const { return lbs_[lb].horizon_points; }
  // d at point k < block_end(): consumed or not, but not before next_point() as it was when
  // demand last changed (a surge recomputes only the points not yet consumed).
  double at(std::size_t lb, std::int64_t k) {
    const LbDemand& d = fresh(lb);
    return d.values()[static_cast<std::size_t>(k - d.first)];
  }
  // d at every point of the block, [block_end() - size, block_end()), as at().
  std::span<const double> block(std::size_t lb) { return fresh(lb).values(); }
  // d held at time t (the last grid point at or before t, or t = 0), told to the observer or not;
  // t must be before any point that may still change (the caller's next real evaluation).
  double held_at(std::size_t lb, SimTime t);
  // Tells the observer every point in [next_point(), k] and moves past them; k < block_end().
  void consume_through(std::size_t lb, std::int64_t k);

  // Scenario events: a surge multiplies demand while it is in force.
  void surge_started(std::size_t lb, double multiplier);
  void surge_ended(std::size_t lb, double multiplier);

 private:
  struct LbDemand {
    LbDemand(const Scenario& scenario, const LoadBalancerSpec& spec, std::uint64_t replication);
    DemandProfile profile;
    double noise_sigma;
    RandomStream noise_draws;
    SimTime step;
    std::int64_t horizon_points;
    ActiveSurges surges;
    // The block: points [first, end); next is the first not consumed. Demand is the profile
    // itself while no surge is in force and there is no noise (`direct`: x 1 is exact).
    std::int64_t first = 1, next = 1, end = 1;
    std::vector<double> profile_values, noise, demand;
    bool direct = true;
    bool stale = false;  // surges changed since the values were computed
    // The observer's demand integral traced from point first + traced_from on (StepIntegral::
    // trace): after each point, and the point of its last change (or traced_since).
    std::vector<double> integral;
    std::vector<std::int32_t> changed;
    std::int64_t traced_from = 0, traced_since = 0;

    const std::vector<double>& values() const { return direct ? profile_values : demand; }
  };

  // demand[] from profile, surges and noise, and the observer's integral traced over it, for the
  // points not yet consumed.
  void recompute(std::size_t lb);
  const LbDemand& fresh(std::size_t lb) {
    if (lbs_[lb].stale) recompute(lb);
    return lbs_[lb];
  }
  void change_surges(std::size_t lb, double multiplier, bool start);

  std::vector<LbDemand> lbs_;
  GrowthCache growth_;
  DemandObserver& observer_;
  std::size_t block_points_;
  DemandListener* listener_ = nullptr;
};

}  // namespace albsim
