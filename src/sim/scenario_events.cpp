#include "sim/scenario_events.hpp"

namespace albsim {

ScenarioEvents::ScenarioEvents(const Scenario& scenario, Scheduler<ScenarioEvent>& scheduler,
                               Fleet& fleet, DemandDriver& demand, AddressBroker& broker)
    : scenario_(scenario), scheduler_(scheduler), fleet_(fleet), demand_(demand), broker_(broker) {}

void ScenarioEvents::schedule_all() {
  for (std::size_t i = 0; i < scenario_.events.size(); ++i) {
    const EventSpec& e = scenario_.events[i];
    const auto index = static_cast<std::uint32_t>(i);
    scheduler_.schedule(e.at, ScenarioEventStart{index});
    if (const auto duration = e.duration())
      scheduler_.schedule(e.at + *duration, ScenarioEventEnd{index});
  }
}

void ScenarioEvents::handle(const ScenarioEvent& event) {
  if (const auto* start = std::get_if<ScenarioEventStart>(&event))
    occurrence_started(scenario_.events[start->event]);
  else
    occurrence_ended(scenario_.events[std::get<ScenarioEventEnd>(event).event]);
}

template <class Fn>
void ScenarioEvents::for_targets(const EventSpec& e, Fn&& fn) {
  if (const auto lb = e.lb()) {
    fn(*lb);
    return;
  }
  for (std::size_t lb = 0; lb < scenario_.load_balancers.size(); ++lb) fn(lb);
}

void ScenarioEvents::occurrence_started(const EventSpec& e) {
  std::visit(
      [&](const auto& kind) {
        using Kind = std::decay_t<decltype(kind)>;
        if constexpr (std::is_same_v<Kind, SurgeEvent>)
          for_targets(e, [&](std::size_t lb) { demand_.surge_started(lb, kind.multiplier); });
        if constexpr (std::is_same_v<Kind, AzOutageEvent>)
          for_targets(e, [&](std::size_t lb) { fleet_.set_az_impaired(lb, kind.az, true); });
        if constexpr (std::is_same_v<Kind, MaintenanceEvent>)
          for_targets(e, [&](std::size_t lb) { fleet_.maintenance(lb, kind.fraction); });
        if constexpr (std::is_same_v<Kind, AddCidrEvent>) broker_.add_cidr(kind.pool, kind.cidr);
        if constexpr (std::is_same_v<Kind, CapacityReservationEvent>)
          for_targets(e, [&](std::size_t lb) { fleet_.set_reserved_lcu(lb, kind.lcu); });
        if constexpr (std::is_same_v<Kind, AttachPoolEvent>)
          for_targets(e, [&](std::size_t lb) { fleet_.attach_pool(lb, kind.pool); });
      },
      e.kind);
}

void ScenarioEvents::occurrence_ended(const EventSpec& e) {
  if (const auto* surge = e.as<SurgeEvent>())
    for_targets(e, [&](std::size_t lb) { demand_.surge_ended(lb, surge->multiplier); });
  else if (const auto* outage = e.as<AzOutageEvent>())
    for_targets(e, [&](std::size_t lb) { fleet_.set_az_impaired(lb, outage->az, false); });
}

}  // namespace albsim
