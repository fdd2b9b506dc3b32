// FleetMeter: observes address, exposure and demand changes as the simulator makes them and
// turns the settled states into the metrics of MODEL.md §7 (per load balancer and per pool).
// Changes are integrated lazily (zero-length states weigh nothing); peaks, episodes and DNS
// changes are read only when the instant has settled (on_settled), once every event of it has run.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_set>
#include <utility>
#include <vector>

#include "albsim/report.hpp"
#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"
#include "core/cidr_merge.hpp"
#include "core/step_integral.hpp"
#include "engine/settled_observer.hpp"

namespace albsim {

class FleetMeter final : public SettledObserver {
 public:
  explicit FleetMeter(const Scenario& scenario);

  void address_acquired(SimTime now, std::size_t lb, bool managed);
  void address_released(SimTime now, std::size_t lb, bool managed);
  // A node entered or left DNS.
  void exposure_changed(SimTime now, std::size_t lb, std::uint32_t address, bool exposed);
  void demand_changed(SimTime now, std::size_t lb, double demand_lcu);
  // demand_changed at first, first + step, ... for each value in turn (no exposure changes
  // between them): the same arithmetic, in one loop. With `traced`, the demand integral's
  // progress after the last value as StepIntegral::trace() found it from demand_progress():
  // while no demand is lost that is all there is to do, O(1).
  void demand_sampled(std::size_t lb, SimTime first, SimTime step,
                      std::span<const double> demand_lcu,
                      const StepIntegral::Progress* traced = nullptr);
  // The demand held and the integral's progress, to trace the next samples from.
  std::pair<double, StepIntegral::Progress> demand_progress(std::size_t lb) const {
    return {lbs_[lb].demand.value(), lbs_[lb].demand.progress()};
  }
  void pool_changed(SimTime now, std::size_t pool, std::uint64_t capacity, std::uint64_t in_use,
                    std::uint64_t reserved);

  // Every event of the instant `now` has run.
  void on_settled(SimTime now) override;
  // Closes every interval at the horizon; call once, after the last settle.
  void finish(SimTime horizon);

  // Current settled values, for timeseries rows.
  std::uint64_t pool_in_use(std::size_t pool) const;
  std::uint64_t pool_reserved(std::size_t pool) const;
  std::uint64_t pool_capacity(std::size_t pool) const;
  TimeseriesRow::LoadBalancer lb_state(std::size_t lb) const;
  bool is_outside(std::size_t lb, std::uint32_t address) const;

  // Fills the measured (not priced) parts of a report; valid after finish().
  void fill(Report& report) const;
  // Per load balancer, the integral of d(t) in LCU-hours; valid after finish().
  std::vector<double> demand_lcu_hours() const;

 private:
  struct LbMeter {
    bool has_allowlist = false;           // else no address is outside, and no figure kept
    std::vector<AddressRange> allowlist;  // merged, ascending
    StepIntegral pool_held, managed_held, exposed, outside, demand, lost_demand;
    std::uint64_t acquisitions = 0;
    std::uint64_t peak_total = 0, peak_pool = 0, peak_managed = 0;
    EpisodeTracker breach;
    // Distinct outside addresses exposed in a settled state, in order of first exposure: one
    // exposed only within an instant is not counted (MODEL.md §2).
    std::vector<std::uint32_t> outside_addresses;
    std::unordered_set<std::uint32_t> outside_seen;
    std::uint64_t dns_changes = 0;
    std::vector<std::pair<std::uint32_t, int>> toggles;  // this instant's DNS changes
    bool breaching = false;
    bool dirty = false;
  };
  struct PoolMeter {
    StepIntegral in_use, capacity, reserved;
    std::uint64_t peak_in_use = 0;
    std::uint64_t min_free = 0;
    bool seen = false;
    EpisodeTracker exhausted;
    bool dirty = false;
  };

  void mark(std::size_t lb);
  void update_lost_demand(SimTime now, LbMeter& m);
  static double lost_share(const LbMeter& m);
  void settle_lb(SimTime now, std::size_t lb);
  void settle_pool(SimTime now, PoolMeter& m);

  SimTime horizon_;
  std::vector<LbMeter> lbs_;
  std::vector<PoolMeter> pools_;
  std::vector<std::size_t> dirty_lbs_, dirty_pools_;
  std::size_t breaching_lbs_ = 0;
  EpisodeTracker fleet_breach_;  // any load balancer in breach
};

}  // namespace albsim
