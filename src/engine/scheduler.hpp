// Scheduler: what a model object needs from the engine, and nothing more: the clock, and a way to
// schedule its own events. `Events` is the object's own std::variant of event structs; each
// struct names its class as `static constexpr <the model's class enum> kClass`. The object handles
// its events when the engine hands them back; events at or past the horizon are dropped.
#pragma once

#include <type_traits>
#include <variant>

#include "albsim/sim_time.hpp"

namespace albsim {

// The class enum of a variant's events (that of its first alternative; all must share it).
template <class Events>
using ClassOf = std::remove_cv_t<decltype(std::variant_alternative_t<0, Events>::kClass)>;

template <class Events>
class Scheduler {
 public:
  virtual SimTime now() const = 0;
  // The class of the event being handled (or the one the simulation entered for work between
  // events, Engine::enter_class): with now(), it tells which events of this instant have run.
  virtual ClassOf<Events> current_class() const = 0;
  virtual void schedule(SimTime at, const Events& event) = 0;

 protected:
  ~Scheduler() = default;
};

// The class of whichever event a variant holds.
template <class Events>
ClassOf<Events> class_of(const Events& event) {
  return std::visit(
      [](const auto& e) -> ClassOf<Events> { return std::decay_t<decltype(e)>::kClass; }, event);
}

}  // namespace albsim
