// The settled observers that turn the run's state into TimeseriesRows: TimeseriesSampler at a
// fixed step (timeseries.csv), ChangeSampler at every settled instant (the HTML report's
// envelopes).
// Both show the state settled at the last instant at or before the row's time, demand as held
// then (the meter catches up with quiet grid points lazily, so it is read from the fleet).
#pragma once

#include "alb/fleet.hpp"
#include "albsim/run_options.hpp"
#include "engine/settled_observer.hpp"
#include "metrics/fleet_meter.hpp"

namespace albsim {

// Emits one row at 0, step, 2 step, ... (before the horizon).
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

// Emits a row at every settled instant before the horizon, so each row's state holds until the
// next row's time (the last until the horizon): the exact step function of every column but
// demand, which changes between instants (SimulationOptions::demand_log has it).
class ChangeSampler final : public SettledObserver {
 public:
  ChangeSampler(const Scenario& scenario, TimeseriesObserver& out, const FleetMeter& meter,
                const Fleet& fleet)
      : scenario_(scenario), out_(out), meter_(meter), fleet_(fleet) {}

  void on_settled(SimTime now) override;

 private:
  const Scenario& scenario_;
  TimeseriesObserver& out_;
  const FleetMeter& meter_;
  const Fleet& fleet_;
  TimeseriesRow row_;
};

}  // namespace albsim
