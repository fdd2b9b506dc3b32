// Scheduler: what a model object needs from the engine, and nothing more: the clock, and a way to
// schedule its own events. `Events` is the object's own std::variant of event structs; each
// struct names its class as `static constexpr EventClass kClass`. The object handles its events
// when the engine hands them back; events at or past the horizon are dropped.
#pragma once

#include <variant>

#include "albsim/sim_time.hpp"
#include "engine/event_class.hpp"

namespace albsim {

template <class Events>
class Scheduler {
 public:
  virtual SimTime now() const = 0;
  // The class of the event being handled (at t = 0, `scenario_event` while the initial fleet
  // starts): with now(), it tells which events of this instant have already run.
  virtual EventClass current_class() const = 0;
  virtual void schedule(SimTime at, const Events& event) = 0;

 protected:
  ~Scheduler() = default;
};

// The class of whichever event a variant holds.
template <class Events>
EventClass class_of(const Events& event) {
  return std::visit([](const auto& e) { return std::decay_t<decltype(e)>::kClass; }, event);
}

}  // namespace albsim
