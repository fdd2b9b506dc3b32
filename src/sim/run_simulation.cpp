#include "sim/run_simulation.hpp"

#include <optional>
#include <variant>

#include "alb/fleet.hpp"
#include "demand/demand_driver.hpp"
#include "demand/random_events.hpp"
#include "engine/engine.hpp"
#include "ipam/address_broker.hpp"
#include "metrics/fleet_meter.hpp"
#include "sim/invariants.hpp"
#include "sim/observer_taps.hpp"
#include "sim/scenario_events.hpp"
#include "sim/timeseries_sampler.hpp"

namespace albsim {
namespace {

using SimEvent = std::variant<FleetEvent, AddressEvent, RandomEvent, ScenarioEvent>;

class Simulation {
 public:
  Simulation(const Scenario& scenario, const SimulationOptions& options)
      : scenario_(scenario),
        options_(options),
        engine_(scenario.horizon),
        fleet_events_(engine_),
        address_events_(engine_),
        random_events_(engine_),
        scenario_events_(engine_),
        meter_(scenario),
        meter_tap_(scenario, meter_, options.holding_log, options.demand_log),
        broker_(scenario, options.replication, address_events_, meter_tap_),
        demand_(scenario, options.replication, meter_tap_,
                options.demand_block_points > 0 ? options.demand_block_points
                                                : DemandDriver::kDefaultBlockPoints),
        fleet_(scenario, options.replication, fleet_events_, broker_, demand_),
        events_(scenario, scenario_events_, fleet_, demand_, broker_),
        random_(scenario, options.replication, random_events_, events_) {}

  RunMeasurements run() {
    events_.schedule_all();
    random_.start();
    broker_.schedule_reservations();
    fleet_.observe(meter_tap_);
    std::optional<AddressLogTap> address_log;
    if (options_.address_log != nullptr) fleet_.observe(address_log.emplace(*options_.address_log));
    fleet_.schedule_first_evaluation();

    engine_.observe(meter_);
    std::optional<InvariantCheck> invariants;
    if (options_.check_invariants)
      engine_.observe(invariants.emplace(scenario_, broker_, fleet_, meter_));
    std::optional<TimeseriesSampler> sampler;
    if (options_.timeseries != nullptr && options_.timeseries_step.ms() > 0)
      engine_.observe(sampler.emplace(scenario_, options_.timeseries_step, *options_.timeseries,
                                      meter_, fleet_));
    std::optional<ChangeSampler> changes;
    if (options_.changes != nullptr)
      engine_.observe(changes.emplace(scenario_, *options_.changes, meter_, fleet_));

    engine_.discard_stale(
        [this](const SimEvent& event) {
          const auto* fleet_event = std::get_if<FleetEvent>(&event);
          return fleet_event != nullptr && fleet_.is_spent(*fleet_event);
        },
        options_.discard_stale_events_at);
    const auto dispatch = [this](const SimEvent& event) { std::visit(*this, event); };
    // t = 0 (MODEL.md §4, initial state): scenario events and reservations first, then the
    // initial fleet, as if between classes 4 and 5, then the rest of the instant.
    engine_.dispatch_through(EventClass::scenario_event, dispatch);
    engine_.enter_class(EventClass::scenario_event);
    fleet_.start();
    engine_.run(dispatch);
    fleet_.settle_all_demand();
    meter_.finish(scenario_.horizon);

    RunMeasurements measured;
    meter_.fill(measured.report);
    measured.demand_lcu_hours = meter_.demand_lcu_hours();
    return measured;
  }

  // Each model object handles its own events.
  void operator()(const FleetEvent& e) { fleet_.handle(e); }
  void operator()(const AddressEvent& e) { broker_.handle(e); }
  void operator()(const RandomEvent& e) { random_.handle(e); }
  void operator()(const ScenarioEvent& e) { events_.handle(e); }

 private:
  const Scenario& scenario_;
  const SimulationOptions& options_;
  Engine<SimEvent, EventClass> engine_;
  PartScheduler<SimEvent, FleetEvent> fleet_events_;
  PartScheduler<SimEvent, AddressEvent> address_events_;
  PartScheduler<SimEvent, RandomEvent> random_events_;
  PartScheduler<SimEvent, ScenarioEvent> scenario_events_;
  FleetMeter meter_;
  MeterTap meter_tap_;
  AddressBroker broker_;
  DemandDriver demand_;
  Fleet fleet_;
  ScenarioEvents events_;
  RandomEvents random_;
};

}  // namespace

RunMeasurements run_simulation(const Scenario& scenario, const SimulationOptions& options) {
  return Simulation(scenario, options).run();
}

}  // namespace albsim
