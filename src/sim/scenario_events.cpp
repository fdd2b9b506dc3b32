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
    if (e.duration) scheduler_.schedule(e.at + *e.duration, ScenarioEventEnd{index});
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
  if (e.lb) {
    fn(*e.lb);
    return;
  }
  for (std::size_t lb = 0; lb < scenario_.load_balancers.size(); ++lb) fn(lb);
}

void ScenarioEvents::occurrence_started(const EventSpec& e) {
  switch (e.type) {
    case EventType::surge:
      for_targets(e, [&](std::size_t lb) { demand_.surge_started(lb, e.multiplier); });
      break;
    case EventType::az_outage:
      for_targets(e, [&](std::size_t lb) { fleet_.set_az_impaired(lb, e.az, true); });
      break;
    case EventType::maintenance:
      for_targets(e, [&](std::size_t lb) { fleet_.maintenance(lb, e.fraction); });
      break;
    case EventType::add_cidr:
      broker_.add_cidr(*e.pool, e.cidr);
      break;
    case EventType::capacity_reservation:
      for_targets(e, [&](std::size_t lb) { fleet_.set_reserved_lcu(lb, e.lcu); });
      break;
    case EventType::attach_pool:
      for_targets(e, [&](std::size_t lb) { fleet_.attach_pool(lb, e.pool); });
      break;
  }
}

void ScenarioEvents::occurrence_ended(const EventSpec& e) {
  if (e.type == EventType::surge)
    for_targets(e, [&](std::size_t lb) { demand_.surge_ended(lb, e.multiplier); });
  else if (e.type == EventType::az_outage)
    for_targets(e, [&](std::size_t lb) { fleet_.set_az_impaired(lb, e.az, false); });
}

}  // namespace albsim
