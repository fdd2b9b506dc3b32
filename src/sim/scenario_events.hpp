// ScenarioEvents: the events of `events` (MODEL.md §9) and the occurrences of `random_events`,
// routed to the model object each acts on: surges to the demand driver, AZ outages, maintenance,
// capacity reservations and pool attachment to the fleet, `add_cidr` to the address broker.
// An event without `lb` applies to every load balancer, in scenario order.
#pragma once

#include <cstdint>
#include <variant>

#include "alb/fleet.hpp"
#include "albsim/scenario.hpp"
#include "core/event_class.hpp"
#include "demand/demand_driver.hpp"
#include "demand/random_events.hpp"
#include "engine/scheduler.hpp"
#include "ipam/address_broker.hpp"

namespace albsim {

struct ScenarioEventStart {
  static constexpr EventClass kClass = EventClass::scenario_event;
  std::uint32_t event = 0;  // index into Scenario::events
};
struct ScenarioEventEnd {
  static constexpr EventClass kClass = EventClass::scenario_event;
  std::uint32_t event = 0;
};
using ScenarioEvent = std::variant<ScenarioEventStart, ScenarioEventEnd>;

class ScenarioEvents final : public OccurrenceListener {
 public:
  ScenarioEvents(const Scenario& scenario, Scheduler<ScenarioEvent>& scheduler, Fleet& fleet,
                 DemandDriver& demand, AddressBroker& broker);

  // Schedules the start (and, with a duration, the end) of every scenario event.
  void schedule_all();
  void handle(const ScenarioEvent& event);

  void occurrence_started(const EventSpec& e) override;
  void occurrence_ended(const EventSpec& e) override;

 private:
  template <class Fn>
  void for_targets(const EventSpec& e, Fn&& fn);

  const Scenario& scenario_;
  Scheduler<ScenarioEvent>& scheduler_;
  Fleet& fleet_;
  DemandDriver& demand_;
  AddressBroker& broker_;
};

}  // namespace albsim
