// Engine: the clock, the event queue and the loop of MODEL.md §2, for any model. `Event` is a
// std::variant of the model's event structs (see scheduler.hpp) and `Class` the model's enum of
// event classes. The engine pops one instant at a time: every event of that instant, events
// scheduled for the same instant included, then the settled observers. It knows nothing of what
// an event or a class means; `dispatch` does, and the simulation's wiring decides what runs
// between events (the initial fleet at t = 0: dispatch_through(), enter_class(), then run()).
// Cost: O(log n) per event (n pending events); an event for the current instant of a class below
// the one being dispatched (an address released with no delay) runs next whatever is pending, so
// it waits in a queue of its own that is nearly always that one event. Memory: one queue entry per
// pending event, stale ones included until the queue doubles (see discard_stale).
#pragma once

#include <algorithm>
#include <functional>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/scheduler.hpp"
#include "engine/settled_observer.hpp"

namespace albsim {

template <class Event, class Class>
class Engine {
 public:
  explicit Engine(SimTime horizon) : horizon_(horizon) {}
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  SimTime now() const { return now_; }
  Class current_class() const { return current_class_; }
  SimTime horizon() const { return horizon_; }

  // The run is [0, horizon): events at or past the horizon are dropped.
  void schedule(SimTime at, Class event_class, const Event& event) {
    if (at >= horizon_) return;
    // Every event of this instant in queue_ has a class of at least `floor`, so one below it
    // comes before all of them (in order of class and insertion among themselves).
    const Class floor = now_first_.empty() ? current_class_ : now_first_floor_;
    if (at == now_ && event_class < floor) {
      now_first_floor_ = floor;
      now_first_.push(at, event_class, event);
      return;
    }
    queue_.push(at, event_class, event);
    if (stale_ && queue_.size() >= discard_at_) {
      queue_.discard_if(stale_);
      discard_at_ = std::max(first_discard_, 2 * queue_.size());
    }
  }

  // `stale(event)` holds for pending events that can do nothing when dispatched, then or ever
  // after (their node is gone, say). Once `first_at` events are pending, and whenever the queue
  // has doubled since it last dropped them, it drops them: a model that cancels lazily keeps the
  // queue near its live events, at O(1) amortised per event. No result changes: a stale event's
  // dispatch changes nothing, and an instant visited only for stale events settles nothing the
  // next instant would not (observers see no change in between). `first_at` 0: never.
  void discard_stale(std::function<bool(const Event&)> stale, std::size_t first_at) {
    if (first_at == 0) return;
    stale_ = std::move(stale);
    first_discard_ = discard_at_ = first_at;
  }

  void observe(SettledObserver& observer) { observers_.push_back(&observer); }

  // Dispatches the events of the current instant whose class is at most `last`, in order; the
  // instant does not settle.
  template <class Dispatch>
  void dispatch_through(Class last, Dispatch&& dispatch) {
    while (!now_first_.empty() ||
           (!queue_.empty() && queue_.top().time == now_ && queue_.top().event_class() <= last))
      dispatch_top(dispatch);
  }
  // What current_class() reports while the caller works between events of this instant.
  void enter_class(Class event_class) { current_class_ = event_class; }

  // Dispatches the rest of the current instant and settles it, then every later instant in
  // turn until the queue is empty; the last settled state is held until the horizon.
  template <class Dispatch>
  void run(Dispatch&& dispatch) {
    run_instant(dispatch);
    while (!queue_.empty()) {
      const SimTime next = queue_.top().time;
      for (SettledObserver* o : observers_) o->on_held_until(next);
      now_ = next;
      run_instant(dispatch);
    }
    for (SettledObserver* o : observers_) o->on_held_until(horizon_);
  }

 private:
  template <class Dispatch>
  void run_instant(Dispatch& dispatch) {
    while (!now_first_.empty() || (!queue_.empty() && queue_.top().time == now_))
      dispatch_top(dispatch);
    for (SettledObserver* o : observers_) o->on_settled(now_);
  }

  template <class Dispatch>
  void dispatch_top(Dispatch& dispatch) {
    EventQueue<Event, Class>& first = now_first_.empty() ? queue_ : now_first_;
    current_class_ = first.top().event_class();
    dispatch(first.pop().payload);
  }

  SimTime horizon_;
  SimTime now_;
  Class current_class_{};  // below every class until the first event
  EventQueue<Event, Class> queue_;
  // Events of this instant below every class of it still in queue_ (`now_first_floor_` and up):
  // they run first.
  EventQueue<Event, Class> now_first_;
  Class now_first_floor_{};
  std::vector<SettledObserver*> observers_;
  std::function<bool(const Event&)> stale_;
  std::size_t first_discard_ = 0, discard_at_ = 0;
};

// Schedules one model object's events (its variant `Part`) into the engine's `Event` variant.
template <class Event, class Part>
class PartScheduler final : public Scheduler<Part> {
 public:
  using Class = ClassOf<Part>;
  explicit PartScheduler(Engine<Event, Class>& engine) : engine_(engine) {}
  SimTime now() const override { return engine_.now(); }
  Class current_class() const override { return engine_.current_class(); }
  void schedule(SimTime at, const Part& event) override {
    engine_.schedule(at, class_of(event), Event{event});
  }

 private:
  Engine<Event, Class>& engine_;
};

}  // namespace albsim
