// TimeseriesSampler: a settled observer that emits one TimeseriesRow at 0, step, 2 step, ...
// (before the horizon), each showing the state settled at the last instant at or before it
// (demand as held at the sample time: the meter catches up with quiet grid points lazily).
#pragma once

#include "alb/fleet.hpp"
#include "albsim/run_options.hpp"
#include "engine/settled_observer.hpp"
#include "metrics/fleet_meter.hpp"

namespace albsim {

class TimeseriesSampler final : public SettledObserver {
 public:
  TimeseriesSampler(const Scenario& scenario, SimTime step, TimeseriesObserver& out,
                    const FleetMeter& meter, const Fleet& fleet)
      : scenario_(scenario), step_(step), out_(out), meter_(meter), fleet_(fleet) {}

  void on_settled(SimTime) override {}
  void on_held_until(SimTime until) override;

 private:
  const Scenario& scenario_;
  SimTime step_;
  TimeseriesObserver& out_;
  const FleetMeter& meter_;
  const Fleet& fleet_;
  SimTime next_;
  TimeseriesRow row_;
};

}  // namespace albsim
